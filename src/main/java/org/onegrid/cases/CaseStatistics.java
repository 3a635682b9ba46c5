package org.onegrid.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.security.DataScopePolicy;
import org.springframework.stereotype.Service;

/**
 * What the dashboard needs from the cases themselves rather than from the daily figures: the open
 * cases overdue right now, and the share of cases the classifier categorised that stayed so.
 * <ul>
 *   <li>overdue: open and past the deadline of the current step, as the case list's
 *       {@code overdue=true} filter counts it;</li>
 *   <li>automatic dispatch accuracy: cases of the period the classifier categorised that were
 *       neither re-categorised nor returned.</li>
 * </ul>
 */
@Service
public class CaseStatistics {

    /** {@link CaseRepository#OVERDUE}, with the moment as the named parameter {@code :now}. */
    private static final String OVERDUE = CaseRepository.OVERDUE.replace("?", ":now");

    /** Cases of a period categorised by the classifier, and those of them never re-categorised nor returned. */
    public record AutoDispatch(long dispatched, long kept) {
    }

    /** An overdue open case. */
    public record Overdue(long id, String code, String title, String unitName, Instant dueAt) {
    }

    /**
     * What one person settled for grid teams in a period: resolutions they recorded on a case a
     * grid team owned, how many of them by the handling deadline, and the ratings of those cases.
     */
    public record GridSettlements(String username, long settled, long onTime, long rated, long starsTotal,
                                  long satisfied, long dissatisfied) {
    }

    /** Reports read the standby when one serves ({@link org.onegrid.platform.ReportingDatabase}). */
    private final org.onegrid.platform.ReportingDatabase reporting;
    private final DirectoryService directory;
    private final DataScopePolicy scopes;
    private final Clock clock;

    CaseStatistics(org.onegrid.platform.ReportingDatabase reporting, DirectoryService directory, DataScopePolicy scopes, Clock clock) {
        this.reporting = reporting;
        this.directory = directory;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** How many open cases are past the deadline of their current step now. */
    public long openOverdue() {
        return reporting.reads().sql("SELECT count(*) FROM cases WHERE " + OVERDUE)
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    public AutoDispatch automaticDispatch(Instant from, Instant to) {
        return reporting.reads().sql("""
                        SELECT count(*) AS auto,
                               count(*) FILTER (WHERE return_count = 0
                                   AND category_code IS NOT DISTINCT FROM classifier_category) AS kept
                        FROM cases c WHERE classifier_version IS NOT NULL AND received_at >= :f AND received_at < :t""")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
                .query((rs, i) -> new AutoDispatch(rs.getLong("auto"), rs.getLong("kept")))
                .single();
    }

    /**
     * Per person, the cases of grid teams ({@code teamUnitIds}) they resolved in [from, to): on time
     * when resolved by the handling deadline then in force; satisfied is 4 or 5 stars,
     * dissatisfied 1 or 2. A case resolved twice (reopened) counts each resolution.
     */
    public java.util.Map<String, GridSettlements> settledForGridTeams(Instant from, Instant to,
                                                                     java.util.Collection<Long> teamUnitIds) {
        if (teamUnitIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, GridSettlements> byPerson = new java.util.LinkedHashMap<>();
        reporting.reads().sql("""
                        SELECT e.actor, count(*) AS settled,
                               count(*) FILTER (WHERE e.prior_due_at IS NULL OR e.at <= e.prior_due_at) AS on_time,
                               count(c.stars) AS rated, coalesce(sum(c.stars), 0) AS stars,
                               count(*) FILTER (WHERE c.stars >= 4) AS satisfied,
                               count(*) FILTER (WHERE c.stars <= 2) AS dissatisfied
                        FROM case_event e JOIN cases c ON c.id = e.case_id
                        WHERE e.action = 'RESOLVE' AND e.at >= ? AND e.at < ? AND e.prior_unit_id = ANY (?)
                        GROUP BY e.actor""")
                .params(Timestamp.from(from), Timestamp.from(to), teamUnitIds.toArray(Long[]::new))
                .query((rs, i) -> new GridSettlements(rs.getString("actor"), rs.getLong("settled"), rs.getLong("on_time"),
                        rs.getLong("rated"), rs.getLong("stars"), rs.getLong("satisfied"), rs.getLong("dissatisfied")))
                .list().forEach(g -> byPerson.put(g.username(), g));
        return byPerson;
    }

    /**
     * Open cases past their deadline within {@code viewer}'s data scope, the longest overdue
     * first: a unit leader sees only their unit's.
     */
    public List<Overdue> overdue(int limit, StaffMember viewer) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(clock.instant()));
        String scope = CaseRepository.scopeCondition(scopes.scopeOf(viewer), params);
        params.add(limit);
        return reporting.reads().sql("SELECT id, code, title, owner_unit_id, due_at FROM cases WHERE " + CaseRepository.OVERDUE + scope
                        + " ORDER BY due_at LIMIT ?")
                .params(params)
                .query((rs, i) -> new Overdue(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        unitName(rs.getObject("owner_unit_id", Long.class)), rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : directory.unit(unitId).map(Unit::name).orElse(null);
    }
}
