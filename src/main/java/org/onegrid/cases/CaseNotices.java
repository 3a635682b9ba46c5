package org.onegrid.cases;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the outbox needs to tell people about a case: its code, title and result, and the
 * reporter's phone to send to. The phone is for sending only: it is never shown or logged.
 */
@Service
public class CaseNotices {

    /** A case as a message names it. */
    public record Notice(long caseId, String code, String title, String resolution, String reporterPhone,
                         Long ownerUnitId) {
    }

    /** A case waiting on its unit (to sign for it, or to resolve it) with the deadline of that step. */
    public record Waiting(long caseId, String code, String title, long ownerUnitId, CaseState state,
                          java.time.Instant dueAt) {
    }

    /** A co-handling unit summoned onto a case (吹哨报到) that has not yet reported in, with its deadline. */
    public record CoHandling(long caseId, String code, String title, long unitId, java.time.Instant dueAt) {
    }

    private final JdbcClient jdbc;

    CaseNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The notices of many cases in one read, by case id (anonymised cases left out). */
    public java.util.Map<Long, Notice> of(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, Notice> byId = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return byId;
        }
        jdbc.sql("""
                SELECT id, code, title, resolution, reporter_phone, owner_unit_id FROM cases
                WHERE id = ANY (?) AND anonymised_at IS NULL""").param(caseIds.toArray(Long[]::new))
                .query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6)))
                .list().forEach(n -> byId.put(n.caseId(), n));
        return byId;
    }

    /**
     * Cases waiting on their unit to sign for them (DISPATCHED) or to resolve them (ACCEPTED) whose
     * deadline falls in [from, to), the earliest first, at most {@code limit}.
     */
    public java.util.List<Waiting> waitingWithDeadlineIn(java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.sql("""
                SELECT id, code, title, owner_unit_id, state, due_at FROM cases
                WHERE state IN ('DISPATCHED', 'ACCEPTED') AND owner_unit_id IS NOT NULL AND due_at >= ? AND due_at < ?
                ORDER BY due_at LIMIT ?""")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), limit)
                .query((rs, i) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        CaseState.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The co-handling units of a case that have not reported in yet. */
    public java.util.List<Long> coHandlersAwaiting(long caseId) {
        return jdbc.sql("SELECT unit_id FROM case_co_handler WHERE case_id = ? AND reported_at IS NULL ORDER BY unit_id")
                .param(caseId).query(Long.class).list();
    }

    /**
     * Co-handling units of open cases that have not reported in and whose report-in deadline falls
     * in [from, to), the earliest first, at most {@code limit}.
     */
    public java.util.List<CoHandling> coHandlersDueIn(java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.code, c.title, h.unit_id, h.due_at FROM case_co_handler h JOIN cases c ON c.id = h.case_id
                WHERE h.reported_at IS NULL AND h.due_at >= ? AND h.due_at < ?
                  AND c.state NOT IN ('RESOLVED', 'VERIFIED', 'RATED', 'CLOSED', 'VOID')
                ORDER BY h.due_at LIMIT ?""")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), limit)
                .query((rs, i) -> new CoHandling(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public Optional<Notice> of(long caseId) {
        return jdbc.sql("""
                SELECT id, code, title, resolution, reporter_phone, owner_unit_id FROM cases
                WHERE id = ? AND anonymised_at IS NULL""").param(caseId)
                .query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6)))
                .optional();
    }
}
