package org.onegrid.volunteering;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points ledger (积分账本) in double entry, as time banks keep it: each movement is two
 * entries summing to zero between a volunteer's account and a community's issuing account
 * (points earned, corrections) or a merchant's account (a reward redeemed). A balance is the sum
 * of the account's entries and never goes below zero; entries are never changed (the database
 * refuses it), a correction is a new movement with its reason. Merchants' rewards and their
 * stock are kept here too: a redemption takes one item and the price in one transaction.
 */
@Service
public class PointsLedger {

    /** What a movement is. */
    public enum Kind { EARNED, REDEEMED, CORRECTION }

    public record Entry(long id, long movement, String account, int amount, Kind kind, Long activityId, Long redemptionId,
                        String reason, String actor, Instant at) {
    }

    public record NewReward(String title, String description, Integer pointsPrice, Integer stock) {
    }

    public record Reward(long id, long merchantId, String merchantName, String title, String description, int pointsPrice,
                         int stock) {
    }

    /** A redemption: the code the volunteer shows the merchant, honoured once the merchant hands over the reward. */
    public record Redemption(long id, long rewardId, String rewardTitle, long volunteerId, String volunteerName, int points,
                             String code, Instant at, Instant honouredAt) {
    }

    static String volunteerAccount(long volunteerId) {
        return "V:" + volunteerId;
    }

    static String communityAccount(String communityCode) {
        return "C:" + communityCode;
    }

    static String merchantAccount(long merchantId) {
        return "M:" + merchantId;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Volunteers volunteers;
    private final AuditLog audit;
    private final Clock clock;

    PointsLedger(JdbcClient jdbc, TransactionTemplate tx, Volunteers volunteers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.volunteers = volunteers;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- entries and balances -------------------------------------------------------------------

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong("id"), rs.getLong("movement"),
            rs.getString("account"), rs.getInt("amount"), Kind.valueOf(rs.getString("kind")), (Long) rs.getObject("activity_id"),
            (Long) rs.getObject("redemption_id"), rs.getString("reason"), rs.getString("actor"), rs.getTimestamp("at").toInstant());

    public int balance(long volunteerId) {
        return balanceOf(volunteerAccount(volunteerId));
    }

    int balanceOf(String account) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM points_entry WHERE account = ?").param(account)
                .query(Integer.class).single();
    }

    /** A volunteer's entries, newest first. */
    public List<Entry> entries(long volunteerId, int limit) {
        return jdbc.sql("SELECT * FROM points_entry WHERE account = ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(volunteerAccount(volunteerId), Math.max(1, Math.min(limit, 500))).query(ENTRY).list();
    }

    /** Writes one movement: {@code amount} to {@code to}, taken from {@code from}; in the caller's transaction. */
    void move(String from, String to, int amount, Kind kind, Long activityId, Long redemptionId, String reason, String actor,
              Instant at) {
        long movement = jdbc.sql("SELECT nextval('points_movement')").query(Long.class).single();
        for (Object[] side : new Object[][] {{to, amount}, {from, -amount}}) {
            jdbc.sql("""
                    INSERT INTO points_entry (movement, account, amount, kind, activity_id, redemption_id, reason, actor, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(movement, side[0], side[1], kind.name(), activityId, redemptionId, reason, actor, Timestamp.from(at))
                    .update();
        }
    }

    /**
     * A correction (冲正/补录) by the community's staff: points added (positive) or taken back
     * (negative, never past the balance), with the reason, as a movement of its own.
     */
    public Entry correct(long volunteerId, Integer amount, String reason, StaffMember by) {
        Validation v = new Validation();
        String why = v.requiredText("reason", reason, 400);
        if (amount == null || amount == 0 || Math.abs(amount) > 100000) {
            v.reject("amount", "must be a number of points other than zero, up to 100000 either way");
        }
        v.throwIfInvalid();
        Volunteers.Volunteer volunteer = volunteers.volunteer(volunteerId)
                .orElseThrow(() -> ApiProblemException.notFound("volunteer", volunteerId));
        volunteers.requireOrganiser(by, volunteer.communityCode());
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            lockVolunteer(volunteerId);
            if (amount < 0 && balance(volunteerId) + amount < 0) {
                throw Refusal.illegalInState("balance-too-low", "the balance is " + balance(volunteerId)
                        + "; a correction cannot take it below zero");
            }
            move(communityAccount(volunteer.communityCode()), volunteerAccount(volunteerId), amount, Kind.CORRECTION, null, null,
                    why, by.username(), now);
        });
        audit.record(by.username(), "points.correct", "volunteer " + volunteerId, amount + " points: " + why);
        return entries(volunteerId, 1).get(0);
    }

    private void lockVolunteer(long volunteerId) {
        jdbc.sql("SELECT id FROM volunteer WHERE id = ? FOR UPDATE").param(volunteerId).query(Long.class).single();
    }

    // ---- rewards and redemptions ----------------------------------------------------------------

    private static final RowMapper<Reward> REWARD = (rs, i) -> new Reward(rs.getLong("id"), rs.getLong("merchant_id"),
            rs.getString("merchant_name"), rs.getString("title"), rs.getString("description"), rs.getInt("points_price"),
            rs.getInt("stock"));
    private static final String SELECT_REWARD = """
            SELECT r.*, m.name AS merchant_name FROM reward r JOIN merchant m ON m.id = r.merchant_id""";

    public Reward publish(NewReward form, StaffMember merchantAccount) {
        Volunteers.Merchant merchant = volunteers.requireMerchant(merchantAccount);
        Validation v = new Validation();
        String title = v.requiredText("title", form.title(), 200);
        String description = v.optionalText("description", form.description(), 2000);
        if (form.pointsPrice() == null || form.pointsPrice() < 1 || form.pointsPrice() > 100000) {
            v.reject("pointsPrice", "must be 1 to 100000 points");
        }
        if (form.stock() == null || form.stock() < 0 || form.stock() > 100000) {
            v.reject("stock", "must be 0 to 100000 items");
        }
        v.throwIfInvalid();
        long id = jdbc.sql("""
                INSERT INTO reward (merchant_id, title, description, points_price, stock, created_at) VALUES (?, ?, ?, ?, ?, ?)
                RETURNING id""").params(merchant.id(), title, description, form.pointsPrice(), form.stock(),
                Timestamp.from(clock.instant())).query(Long.class).single();
        return reward(id).orElseThrow();
    }

    /** Adds items to a reward's stock (the merchant's own). */
    public Reward restock(long rewardId, Integer items, StaffMember merchantAccount) {
        Volunteers.Merchant merchant = volunteers.requireMerchant(merchantAccount);
        if (items == null || items < 1 || items > 100000) {
            throw ApiProblemException.invalid("items", "must be 1 to 100000");
        }
        if (jdbc.sql("UPDATE reward SET stock = stock + ? WHERE id = ? AND merchant_id = ?").params(items, rewardId, merchant.id())
                .update() == 0) {
            throw ApiProblemException.notFound("reward", rewardId);
        }
        return reward(rewardId).orElseThrow();
    }

    public Optional<Reward> reward(long id) {
        return jdbc.sql(SELECT_REWARD + " WHERE r.id = ?").param(id).query(REWARD).optional();
    }

    /** Every reward, those in stock first; or one merchant's. */
    public List<Reward> rewards(Long merchantId) {
        return jdbc.sql(SELECT_REWARD + " WHERE (?::bigint IS NULL OR r.merchant_id = ?) ORDER BY r.stock = 0, r.points_price, r.id")
                .params(merchantId, merchantId).query(REWARD).list();
    }

    private static final RowMapper<Redemption> REDEMPTION = (rs, i) -> new Redemption(rs.getLong("id"), rs.getLong("reward_id"),
            rs.getString("reward_title"), rs.getLong("volunteer_id"), rs.getString("volunteer_name"), rs.getInt("points"),
            rs.getString("code"), rs.getTimestamp("at").toInstant(),
            rs.getTimestamp("honoured_at") == null ? null : rs.getTimestamp("honoured_at").toInstant());
    private static final String SELECT_REDEMPTION = """
            SELECT d.*, r.title AS reward_title, v.name AS volunteer_name
            FROM redemption d JOIN reward r ON r.id = d.reward_id JOIN volunteer v ON v.id = d.volunteer_id""";

    /**
     * A volunteer redeems a reward: one item of its stock and its price in points, both or neither.
     * The balance never goes below zero nor the stock below nothing; the same key again returns
     * the same redemption, and a key used for another reward is refused (422).
     */
    public Redemption redeem(long rewardId, StaffMember volunteerAccount, String idempotencyKey) {
        Volunteers.Volunteer volunteer = volunteers.requireVolunteer(volunteerAccount);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ApiProblemException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        Instant now = clock.instant();
        long id = tx.execute(status -> {
            lockVolunteer(volunteer.id());
            if (idempotencyKey != null) {
                Optional<Redemption> before = jdbc.sql(SELECT_REDEMPTION + " WHERE d.volunteer_id = ? AND d.idempotency_key = ?")
                        .params(volunteer.id(), idempotencyKey).query(REDEMPTION).optional();
                if (before.isPresent()) {
                    if (before.get().rewardId() != rewardId) {
                        throw ApiProblemException.unprocessable("Idempotency-Key", "was used for another reward");
                    }
                    return before.get().id();
                }
            }
            Reward reward = jdbc.sql(SELECT_REWARD + " WHERE r.id = ? FOR UPDATE OF r").param(rewardId).query(REWARD).optional()
                    .orElseThrow(() -> ApiProblemException.notFound("reward", rewardId));
            if (reward.stock() <= 0) {
                throw Refusal.illegalInState("out-of-stock", "no " + reward.title() + " is left");
            }
            int balance = balance(volunteer.id());
            if (balance < reward.pointsPrice()) {
                throw Refusal.illegalInState("balance-too-low", "the reward costs " + reward.pointsPrice()
                        + " points and the balance is " + balance);
            }
            jdbc.sql("UPDATE reward SET stock = stock - 1 WHERE id = ?").param(rewardId).update();
            long created = jdbc.sql("""
                    INSERT INTO redemption (reward_id, volunteer_id, points, code, idempotency_key, at) VALUES (?, ?, ?, ?, ?, ?)
                    RETURNING id""").params(rewardId, volunteer.id(), reward.pointsPrice(), newCode(), idempotencyKey,
                    Timestamp.from(now)).query(Long.class).single();
            move(volunteerAccount(volunteer.id()), merchantAccount(reward.merchantId()), reward.pointsPrice(), Kind.REDEEMED, null,
                    created, reward.title(), volunteerAccount.username(), now);
            return created;
        });
        return redemption(id).orElseThrow();
    }

    /** Whether a redemption was just made or found again under its key. */
    public boolean madeAt(Redemption r, Instant since) {
        return !r.at().isBefore(since);
    }

    public Optional<Redemption> redemption(long id) {
        return jdbc.sql(SELECT_REDEMPTION + " WHERE d.id = ?").param(id).query(REDEMPTION).optional();
    }

    public List<Redemption> redemptionsOf(long volunteerId) {
        return jdbc.sql(SELECT_REDEMPTION + " WHERE d.volunteer_id = ? ORDER BY d.at DESC, d.id DESC LIMIT 100")
                .param(volunteerId).query(REDEMPTION).list();
    }

    /** A merchant's redemptions, those still to honour first. */
    public List<Redemption> redemptionsFor(StaffMember merchantAccount) {
        Volunteers.Merchant merchant = volunteers.requireMerchant(merchantAccount);
        return jdbc.sql(SELECT_REDEMPTION + " WHERE r.merchant_id = ? ORDER BY d.honoured_at IS NOT NULL, d.at DESC LIMIT 200")
                .param(merchant.id()).query(REDEMPTION).list();
    }

    /** The merchant hands over the reward to the volunteer showing {@code code}. */
    public Redemption honour(String code, StaffMember merchantAccount) {
        Volunteers.Merchant merchant = volunteers.requireMerchant(merchantAccount);
        String c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        Redemption r = jdbc.sql(SELECT_REDEMPTION + " WHERE d.code = ? AND r.merchant_id = ?").params(c, merchant.id())
                .query(REDEMPTION).optional().orElseThrow(() -> ApiProblemException.notFound("redemption", c));
        if (r.honouredAt() != null) {
            throw Refusal.illegalInState("honoured", "this reward was handed over at " + r.honouredAt());
        }
        jdbc.sql("UPDATE redemption SET honoured_at = ? WHERE id = ? AND honoured_at IS NULL")
                .params(Timestamp.from(clock.instant()), r.id()).update();
        return redemption(r.id()).orElseThrow();
    }

    private static String newCode() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return b.toString();
    }
}
