package org.onegrid.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Appends to and reads the audit trail. */
@Service
public class AuditLog {

    /** One administrative change: who, what, on which target, and a short description. */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) {
    }

    /** One view of unmasked personal data: who, in which role, whose case, and why. */
    public record PersonalDataAccess(long id, Instant at, String actor, String actorRole, long caseId, String purpose) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbc.sql("INSERT INTO audit_log (actor, action, target, detail) VALUES (?, ?, ?, ?)")
                .params(actor, action, target, detail).update();
    }

    public void recordPersonalDataAccess(String actor, String actorRole, long caseId, String purpose) {
        jdbc.sql("INSERT INTO personal_data_access (actor, actor_role, case_id, purpose) VALUES (?, ?, ?, ?)")
                .params(actor, actorRole, caseId, purpose).update();
    }

    public List<Entry> recent(int limit) {
        return jdbc.sql("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    public List<PersonalDataAccess> personalDataAccess(Long caseId, int limit) {
        return jdbc.sql("""
                SELECT id, at, actor, actor_role, case_id, purpose FROM personal_data_access
                WHERE (CAST(? AS bigint) IS NULL OR case_id = ?) ORDER BY id DESC LIMIT ?
                """).params(caseId, caseId, limit)
                .query((rs, i) -> new PersonalDataAccess(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6)))
                .list();
    }
}
