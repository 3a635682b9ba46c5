package org.onegrid.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.audit.AuditLog;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GridService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announcements (通知公告) to everyone serving a grid, a community or a street: every account
 * holding a post in a grid below it and the staff of the units serving it, and, when asked, by
 * SMS to every resident's phone the register holds there (never shown to the author). Each has
 * an author and a reason, goes out in-app (and by email where chosen) and is logged. The command centre and
 * district leaders may announce anywhere, a unit leader only within their unit's territory.
 */
@Service
public class Broadcasts {

    /** An announcement; {@code residents}: also by SMS to every phone the register of residents holds in the region. */
    public record NewBroadcast(String regionCode, String title, String body, String reason, Boolean residents) {

        public NewBroadcast(String regionCode, String title, String body, String reason) {
            this(regionCode, title, body, reason, false);
        }
    }

    public record Broadcast(long id, String regionCode, String title, String body, String reason, String author, Instant at,
                            int recipients, int residents) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DirectoryService directory;
    private final GridService grids;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final org.onegrid.households.HouseholdRegister register;

    Broadcasts(JdbcClient jdbc, TransactionTemplate tx, DirectoryService directory, GridService grids, Outbox outbox,
               AuditLog audit, Clock clock, org.onegrid.households.HouseholdRegister register) {
        this.register = register;
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.grids = grids;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public Broadcast announce(NewBroadcast b, StaffMember author) {
        Validation v = new Validation();
        String region = v.requiredText("regionCode", b == null ? null : b.regionCode(), 16);
        if (region != null && grids.node(region).isEmpty()) {
            v.reject("regionCode", "no grid, community, street or district has the code " + region);
        }
        String title = v.requiredText("title", b == null ? null : b.title(), Validation.MAX_NAME);
        String body = v.requiredText("body", b == null ? null : b.body(), Validation.MAX_TEXT);
        String reason = v.requiredText("reason", b == null ? null : b.reason(), 400);
        v.throwIfInvalid();
        boolean anywhere = author.is(Role.DISPATCHER) || author.is(Role.ADMIN) || author.is(Role.DISTRICT_LEADER);
        boolean own = author.is(Role.UNIT_LEADER) && author.unitId() != null && directory.unit(author.unitId())
                .map(u -> region.startsWith(u.regionCode()) && u.regionCode().length() > 6).orElse(false);
        if (!anywhere && !own) {
            throw Refusal.notPermitted("announcements are made by the command centre, district leaders, or a unit leader within their territory");
        }
        Map<Long, StaffMember> people = new LinkedHashMap<>();
        for (GridPost post : GridPost.values()) {
            directory.gridStaffUnder(region, post).forEach(s -> people.put(s.id(), s));
        }
        for (Unit unit : directory.units()) {
            if (unit.regionCode() != null && unit.regionCode().startsWith(region) && unit.regionCode().length() > 6) {
                directory.handlersOf(unit.id()).forEach(s -> people.put(s.id(), s));
            }
        }
        people.remove(author.id());
        List<String> phones = Boolean.TRUE.equals(b.residents()) ? register.phonesUnder(region) : List.of();
        Instant now = clock.instant();
        long id = tx.execute(status -> {
            long created = jdbc.sql("""
                    INSERT INTO broadcast (region_code, title, body, reason, author, at, recipients, residents)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(region, title, body, reason, author.username(), Timestamp.from(now), people.size(), phones.size())
                    .query(Long.class).single();
            outbox.announceToResidents(created, phones, title, body, now);
            for (StaffMember s : people.values()) {
                outbox.announce(created, s, title, body + "（" + author.displayName() + "；" + reason + "）", now);
            }
            return created;
        });
        audit.record(author.username(), "broadcast", "region " + region, title + "; reason: " + reason + "; " + people.size()
                + " recipients" + (phones.isEmpty() ? "" : ", " + phones.size() + " residents' phones by SMS"));
        return get(id);
    }

    private static final String SELECT = "SELECT id, region_code, title, body, reason, author, at, recipients, residents FROM broadcast ";
    private static final org.springframework.jdbc.core.RowMapper<Broadcast> BROADCAST = (rs, i) -> new Broadcast(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
            rs.getInt(8), rs.getInt(9));

    private Broadcast get(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(BROADCAST).single();
    }

    public List<Broadcast> recent(int limit) {
        return jdbc.sql(SELECT + "ORDER BY at DESC, id DESC LIMIT ?").param(Math.max(1, Math.min(limit, 200))).query(BROADCAST).list();
    }
}
