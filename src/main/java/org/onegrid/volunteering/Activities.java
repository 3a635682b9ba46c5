package org.onegrid.volunteering;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Communities' volunteer activities ({@link Activity}): published by the community's staff,
 * signed up to by volunteers, attended with the organiser's code, and credited in the points
 * ledger once the organiser confirms each volunteer's time.
 */
@Service
public class Activities {

    public record NewActivity(String communityCode, String title, String place, Instant startsAt, Instant endsAt,
                              Integer capacity, Integer pointsPerHour, Integer maxHours) {
    }

    public record ActivityView(long id, String communityCode, String title, String place, Instant startsAt, Instant endsAt,
                               int capacity, int taken, int pointsPerHour, int maxHours, String organiser) {
    }

    /** A volunteer's place on an activity, as the organiser and the volunteer see it. */
    public record SignupView(long activityId, String activityTitle, long volunteerId, String volunteerName,
                             String volunteerNumber, Instant signedUpAt, Instant checkedInAt, Instant checkedOutAt,
                             Instant confirmedAt, Integer minutes, Integer points) {
    }

    /** The code to show on site and until when it holds. */
    public record CheckCode(String code, Instant validUntil) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Volunteers volunteers;
    private final PointsLedger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration codeValid;

    Activities(JdbcClient jdbc, TransactionTemplate tx, Volunteers volunteers, PointsLedger ledger, AuditLog audit, Clock clock,
               @Value("${onegrid.volunteering.code-valid:PT15M}") Duration codeValid) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.volunteers = volunteers;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.codeValid = codeValid;
    }

    private static final String SELECT_VIEW = """
            SELECT a.*, (SELECT count(*) FROM activity_signup u WHERE u.activity_id = a.id) AS taken FROM activity a""";
    private static final RowMapper<ActivityView> VIEW = (rs, i) -> new ActivityView(rs.getLong("id"),
            rs.getString("community_code"), rs.getString("title"), rs.getString("place"), rs.getTimestamp("starts_at").toInstant(),
            rs.getTimestamp("ends_at").toInstant(), rs.getInt("capacity"), rs.getInt("taken"), rs.getInt("points_per_hour"),
            rs.getInt("max_hours"), rs.getString("organiser"));

    public ActivityView publish(NewActivity form, StaffMember organiser) {
        Validation v = new Validation();
        String title = v.requiredText("title", form.title(), 200);
        String place = v.requiredText("place", form.place(), 200);
        v.required("communityCode", form.communityCode());
        v.required("startsAt", form.startsAt());
        v.required("endsAt", form.endsAt());
        v.moment("startsAt", form.startsAt());
        v.moment("endsAt", form.endsAt());
        if (form.startsAt() != null && form.endsAt() != null && !form.endsAt().isAfter(form.startsAt())) {
            v.reject("endsAt", "must be after startsAt");
        }
        if (form.capacity() == null || form.capacity() < 1 || form.capacity() > 10000) {
            v.reject("capacity", "must be 1 to 10000 places");
        }
        if (form.pointsPerHour() == null || form.pointsPerHour() < 1 || form.pointsPerHour() > 100) {
            v.reject("pointsPerHour", "must be 1 to 100 points an hour");
        }
        if (form.maxHours() == null || form.maxHours() < 1 || form.maxHours() > 24) {
            v.reject("maxHours", "must be 1 to 24 hours counted at most");
        }
        v.throwIfInvalid();
        volunteers.requireOrganiser(organiser, form.communityCode());
        long id = jdbc.sql("""
                INSERT INTO activity (community_code, title, place, starts_at, ends_at, capacity, points_per_hour, max_hours,
                                      organiser_id, organiser, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(form.communityCode(), title, place, Timestamp.from(form.startsAt()), Timestamp.from(form.endsAt()),
                        form.capacity(), form.pointsPerHour(), form.maxHours(), organiser.id(), organiser.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(organiser.username(), "activity.publish", "activity " + id, title + " in " + form.communityCode());
        return view(id);
    }

    public ActivityView view(long id) {
        return jdbc.sql(SELECT_VIEW + " WHERE a.id = ?").param(id).query(VIEW).optional()
                .orElseThrow(() -> ApiProblemException.notFound("activity", id));
    }

    /** A community's activities (every community's when null), the latest first. */
    public List<ActivityView> list(String communityCode, int limit) {
        return jdbc.sql(SELECT_VIEW + " WHERE (?::text IS NULL OR a.community_code = ?) ORDER BY a.starts_at DESC, a.id DESC LIMIT ?")
                .params(communityCode, communityCode, Math.max(1, Math.min(limit, 500))).query(VIEW).list();
    }

    /** Activities not yet over, the soonest first. */
    public List<ActivityView> upcoming(String communityCode) {
        return jdbc.sql(SELECT_VIEW + " WHERE (?::text IS NULL OR a.community_code = ?) AND a.ends_at > ? ORDER BY a.starts_at, a.id LIMIT 100")
                .params(communityCode, communityCode, Timestamp.from(clock.instant())).query(VIEW).list();
    }

    public SignupView signUp(long activityId, StaffMember account) {
        return signUpAt(activityId, account, clock.instant());
    }

    /** {@link #signUp} as of {@code now} (loading history: the demo's past activities). */
    public SignupView signUpAt(long activityId, StaffMember account, Instant now) {
        Volunteers.Volunteer volunteer = volunteers.requireVolunteer(account);
        tx.executeWithoutResult(status -> {
            Activity activity = lock(activityId);
            int taken = jdbc.sql("SELECT count(*) FROM activity_signup WHERE activity_id = ?").param(activityId)
                    .query(Integer.class).single();
            activity.requireSignUp(signup(activityId, volunteer.id()).orElse(null), taken, now);
            jdbc.sql("INSERT INTO activity_signup (activity_id, volunteer_id, signed_up_at) VALUES (?, ?, ?)")
                    .params(activityId, volunteer.id(), Timestamp.from(now)).update();
        });
        return signupView(activityId, volunteer.id());
    }

    /** A new code for the organiser to show on site; it replaces the one before. */
    public CheckCode newCode(long activityId, StaffMember organiser) {
        ActivityView a = view(activityId);
        volunteers.requireOrganiser(organiser, a.communityCode());
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant until = clock.instant().plus(codeValid);
        jdbc.sql("UPDATE activity SET check_code = ?, check_code_until = ? WHERE id = ?")
                .params(code, Timestamp.from(until), activityId).update();
        return new CheckCode(code, until);
    }

    /** The code the organiser shows now, while it holds. */
    public Optional<CheckCode> currentCode(long activityId, StaffMember organiser) {
        volunteers.requireOrganiser(organiser, view(activityId).communityCode());
        return jdbc.sql("SELECT check_code, check_code_until FROM activity WHERE id = ? AND check_code_until > ?")
                .params(activityId, Timestamp.from(clock.instant()))
                .query((rs, i) -> new CheckCode(rs.getString(1), ts(rs, "check_code_until"))).optional();
    }

    public SignupView checkIn(long activityId, String code, StaffMember account) {
        return attend(activityId, code, account, true);
    }

    public SignupView checkOut(long activityId, String code, StaffMember account) {
        return attend(activityId, code, account, false);
    }

    private SignupView attend(long activityId, String code, StaffMember account, boolean in) {
        Volunteers.Volunteer volunteer = volunteers.requireVolunteer(account);
        tx.executeWithoutResult(status -> {
            Activity activity = lock(activityId);
            Activity.Signup signup = signup(activityId, volunteer.id()).orElse(null);
            Instant now = clock.instant();
            if (in) {
                activity.requireCheckIn(signup, code, now);
            } else {
                activity.requireCheckOut(signup, code, now);
            }
            jdbc.sql("UPDATE activity_signup SET " + (in ? "checked_in_at" : "checked_out_at") + " = ? WHERE activity_id = ? AND volunteer_id = ?")
                    .params(Timestamp.from(now), activityId, volunteer.id()).update();
        });
        return signupView(activityId, volunteer.id());
    }

    /**
     * The organiser confirms a volunteer's time and the points are credited, from the community's
     * issuing account, in the same transaction; {@code minutes} when attendance is confirmed
     * without the codes.
     */
    public SignupView confirm(long activityId, long volunteerId, Integer minutes, StaffMember organiser) {
        return confirmAt(activityId, volunteerId, minutes, organiser, clock.instant());
    }

    /** {@link #confirm} as of {@code now} (loading history). */
    public SignupView confirmAt(long activityId, long volunteerId, Integer minutes, StaffMember organiser, Instant now) {
        if (minutes != null && (minutes < 0 || minutes > 24 * 60)) {
            throw ApiProblemException.invalid("minutes", "must be 0 to 1440");
        }
        ActivityView a = view(activityId);
        volunteers.requireOrganiser(organiser, a.communityCode());
        tx.executeWithoutResult(status -> {
            Activity activity = lock(activityId);
            Activity.Signup signup = signup(activityId, volunteerId).orElse(null);
            int points = activity.pointsOnConfirm(signup, minutes);
            jdbc.sql("UPDATE activity_signup SET confirmed_at = ?, minutes = ?, points = ? WHERE activity_id = ? AND volunteer_id = ?")
                    .params(Timestamp.from(now), activity.minutesOf(signup, minutes), points, activityId, volunteerId).update();
            if (points > 0) {
                ledger.move(PointsLedger.communityAccount(activity.communityCode()), PointsLedger.volunteerAccount(volunteerId),
                        points, PointsLedger.Kind.EARNED, activityId, null, a.title(), organiser.username(), now);
            }
        });
        return signupView(activityId, volunteerId);
    }

    private static final String SELECT_SIGNUP = """
            SELECT u.*, a.title, v.name, v.number FROM activity_signup u JOIN activity a ON a.id = u.activity_id
            JOIN volunteer v ON v.id = u.volunteer_id""";
    private static final RowMapper<SignupView> SIGNUP = (rs, i) -> new SignupView(rs.getLong("activity_id"), rs.getString("title"),
            rs.getLong("volunteer_id"), rs.getString("name"), rs.getString("number"), ts(rs, "signed_up_at"),
            ts(rs, "checked_in_at"), ts(rs, "checked_out_at"), ts(rs, "confirmed_at"), (Integer) rs.getObject("minutes"),
            (Integer) rs.getObject("points"));

    private static Instant ts(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public List<SignupView> signupsOf(long activityId, StaffMember organiser) {
        volunteers.requireOrganiser(organiser, view(activityId).communityCode());
        return jdbc.sql(SELECT_SIGNUP + " WHERE u.activity_id = ? ORDER BY u.signed_up_at").param(activityId).query(SIGNUP).list();
    }

    public List<SignupView> mySignups(StaffMember account) {
        Volunteers.Volunteer volunteer = volunteers.requireVolunteer(account);
        return jdbc.sql(SELECT_SIGNUP + " WHERE u.volunteer_id = ? ORDER BY a.starts_at DESC LIMIT 100").param(volunteer.id())
                .query(SIGNUP).list();
    }

    private SignupView signupView(long activityId, long volunteerId) {
        return jdbc.sql(SELECT_SIGNUP + " WHERE u.activity_id = ? AND u.volunteer_id = ?").params(activityId, volunteerId)
                .query(SIGNUP).single();
    }

    private Optional<Activity.Signup> signup(long activityId, long volunteerId) {
        return jdbc.sql("SELECT * FROM activity_signup WHERE activity_id = ? AND volunteer_id = ?").params(activityId, volunteerId)
                .query((rs, i) -> new Activity.Signup(rs.getLong("volunteer_id"), ts(rs, "signed_up_at"), ts(rs, "checked_in_at"),
                        ts(rs, "checked_out_at"), ts(rs, "confirmed_at")))
                .optional();
    }

    /** The activity, its row locked for the rest of the transaction. */
    private Activity lock(long activityId) {
        return jdbc.sql("SELECT * FROM activity WHERE id = ? FOR UPDATE").param(activityId)
                .query((rs, i) -> new Activity(rs.getString("community_code"), ts(rs, "ends_at"), rs.getInt("capacity"), rs.getInt("points_per_hour"), rs.getInt("max_hours"),
                        rs.getString("check_code"), ts(rs, "check_code_until")))
                .optional().orElseThrow(() -> ApiProblemException.notFound("activity", activityId));
    }
}
