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

    /**
     * One view of unmasked personal data: who, in which role, whose case (or, for the register of
     * residents, which subject: {@code member:12}, {@code export:320706001001}), and why.
     */
    public record PersonalDataAccess(long id, Instant at, String actor, String actorRole, Long caseId, String subject,
                                     String purpose) {
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

    /** A view of personal data outside a case (the register of residents), by its subject. */
    public void recordPersonalDataAccess(String actor, String actorRole, String subject, String purpose) {
        jdbc.sql("INSERT INTO personal_data_access (actor, actor_role, subject, purpose) VALUES (?, ?, ?, ?)")
                .params(actor, actorRole, subject, purpose).update();
    }

    /** The views of personal data of one subject of the register, the latest first. */
    public List<PersonalDataAccess> personalDataAccessOf(String subject, int limit) {
        return jdbc.sql("""
                SELECT id, at, actor, actor_role, case_id, subject, purpose FROM personal_data_access
                WHERE subject = ? ORDER BY id DESC LIMIT ?""").params(subject, limit).query(ACCESS).list();
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
                SELECT id, at, actor, actor_role, case_id, subject, purpose FROM personal_data_access
                WHERE (CAST(? AS bigint) IS NULL OR case_id = ?) ORDER BY id DESC LIMIT ?
                """).params(caseId, caseId, limit).query(ACCESS).list();
    }

    private static final org.springframework.jdbc.core.RowMapper<PersonalDataAccess> ACCESS = (rs, i) -> new PersonalDataAccess(
            rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
            rs.getString(6), rs.getString(7));
}
