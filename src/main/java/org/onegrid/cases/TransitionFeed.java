package org.onegrid.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The transition feed: every timeline entry with what it changed (owner, deadline, category,
 * stars), in commit order, for modules that fold the life cycle into figures. A reader keeps a
 * {@link Position}; {@link #read} returns only entries whose writing transaction is older than
 * every transaction still running, so an entry that commits late is never skipped and none is
 * read twice.
 */
@Service
public class TransitionFeed {

    /** One timeline entry: the transition, and the case's owner, deadline and category before and after. */
    public record Transition(long eventId, long caseId, Instant at, CaseAction action, CaseState from, CaseState to,
                             Long unitId, Long priorUnitId, Instant dueAt, Instant priorDueAt,
                             Instant priorStepStartedAt, String categoryCode, String priorCategoryCode, Integer stars,
                             String gridCode, Instant receivedAt) {
    }

    /** Where a reader stands: after the entry {@code eventId} of the transaction {@code tx}. */
    public record Position(String tx, long eventId) {
        public static final Position START = new Position("0", 0);
    }

    /** Entries read, and the position after them. */
    public record Batch(List<Transition> transitions, Position next) {
    }

    /** An open case waiting on a unit (to sign for it, or to resolve it) past its deadline. */
    public record MissedStep(long caseId, CaseState state, Long unitId, String gridCode, String categoryCode,
                             Instant dueAt) {
    }

    /**
     * How many open cases are past a unit deadline: in all ({@code by} ALL, key null), or per owning
     * unit, base grid or category ({@code key} the unit id, grid code or category code, null for none).
     */
    public record MissedCount(CaseState state, By by, String key, long count) {
        public enum By { ALL, UNIT, GRID, CATEGORY }
    }

    private static final String SELECT = """
            SELECT e.id, e.case_id, e.at, e.action, e.from_state, e.to_state, e.unit_id, e.prior_unit_id, e.due_at,
                   e.prior_due_at, e.prior_step_started_at, e.category_code, e.prior_category_code, e.stars,
                   c.grid_code, c.received_at, e.tx::text AS tx
            FROM case_event e JOIN cases c ON c.id = e.case_id
            """;

    /**
     * Open cases whose unit has not signed for them (DISPATCHED) or not resolved them (ACCEPTED)
     * and whose deadline fell in [from, until): a deadline missed that no timeline entry records
     * yet. With the moment as the parameters {@code :from} and {@code :until}.
     */
    private static final String MISSED_OPEN = CaseRepository.OPEN
            + " AND state IN ('DISPATCHED', 'ACCEPTED') AND due_at >= :from AND due_at < :until";

    private static final RowMapper<Transition> TRANSITION = (rs, i) -> new Transition(rs.getLong("id"),
            rs.getLong("case_id"), CaseRepository.instant(rs, "at"), CaseAction.valueOf(rs.getString("action")),
            rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")),
            CaseState.valueOf(rs.getString("to_state")), (Long) rs.getObject("unit_id"),
            (Long) rs.getObject("prior_unit_id"), CaseRepository.instant(rs, "due_at"), CaseRepository.instant(rs, "prior_due_at"),
            CaseRepository.instant(rs, "prior_step_started_at"), rs.getString("category_code"), rs.getString("prior_category_code"),
            rs.getObject("stars") == null ? null : rs.getInt("stars"), rs.getString("grid_code"),
            CaseRepository.instant(rs, "received_at"));

    private final JdbcClient jdbc;
    /** The open cases' missed deadlines are for reports: the standby when one serves. */
    private final org.onegrid.platform.ReportingDatabase reporting;

    TransitionFeed(JdbcClient jdbc, org.onegrid.platform.ReportingDatabase reporting) {
        this.jdbc = jdbc;
        this.reporting = reporting;
    }

    /** Up to {@code limit} final entries after {@code after}, in (transaction, entry) order. */
    public Batch read(Position after, int limit) {
        List<String> txs = new ArrayList<>();
        List<Transition> read = jdbc.sql(SELECT + """
                        WHERE (e.tx, e.id) > (CAST(:tx AS xid8), :id)
                          AND e.tx < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY e.tx, e.id LIMIT :limit""")
                .param("tx", after.tx()).param("id", after.eventId()).param("limit", limit)
                .query((rs, i) -> {
                    txs.add(rs.getString("tx"));
                    return TRANSITION.mapRow(rs, i);
                })
                .list();
        if (read.isEmpty()) {
            return new Batch(read, after);
        }
        return new Batch(read, new Position(txs.get(txs.size() - 1), read.get(read.size() - 1).eventId()));
    }

    /** Open cases past a unit deadline that fell in [from, until). */
    public List<MissedStep> missedOpen(Instant from, Instant until) {
        if (!from.isBefore(until)) {
            return List.of();
        }
        return reporting.reads().sql("SELECT id, state, owner_unit_id, grid_code, category_code, due_at FROM cases WHERE "
                        + MISSED_OPEN)
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query((rs, i) -> new MissedStep(rs.getLong(1), CaseState.valueOf(rs.getString(2)),
                        (Long) rs.getObject(3), rs.getString(4), rs.getString(5), CaseRepository.instant(rs, "due_at")))
                .list();
    }

    /** {@link #missedOpen} counted in all and per unit, grid and category: one read of the open cases' index. */
    public List<MissedCount> missedOpenCounts(Instant from, Instant until) {
        if (!from.isBefore(until)) {
            return List.of();
        }
        return reporting.reads().sql("SELECT state, GROUPING(owner_unit_id, grid_code, category_code) AS g, owner_unit_id, grid_code,"
                        + " category_code, count(*) AS n FROM cases WHERE " + MISSED_OPEN
                        + " GROUP BY GROUPING SETS ((state), (state, owner_unit_id), (state, grid_code), (state, category_code))")
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query((rs, i) -> {
                    int g = rs.getInt("g"); // a bit set for each column not grouped by: 4 unit, 2 grid, 1 category
                    MissedCount.By by = g == 7 ? MissedCount.By.ALL : g == 3 ? MissedCount.By.UNIT
                            : g == 5 ? MissedCount.By.GRID : MissedCount.By.CATEGORY;
                    String key = switch (by) {
                        case ALL -> null;
                        case UNIT -> rs.getString("owner_unit_id");
                        case GRID -> rs.getString("grid_code");
                        case CATEGORY -> rs.getString("category_code");
                    };
                    return new MissedCount(CaseState.valueOf(rs.getString("state")), by, key, rs.getLong("n"));
                })
                .list();
    }
}
