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

    public Optional<Notice> of(long caseId) {
        return jdbc.sql("""
                SELECT id, code, title, resolution, reporter_phone, owner_unit_id FROM cases
                WHERE id = ? AND anonymised_at IS NULL""").param(caseId)
                .query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6)))
                .optional();
    }
}
