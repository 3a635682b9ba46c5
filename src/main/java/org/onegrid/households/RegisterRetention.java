package org.onegrid.households;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.onegrid.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of the register (个人信息保存期限): members who moved out more than
 * {@code onegrid.register.retention-days} ago (1095 by default) have their name, ID number,
 * phone and flags erased, as on an erasure request; the row and its moves stay. Runs every hour
 * beside the reporters' retention; an advisory lock lets one instance work at a time; each run
 * that erases something is written to the audit trail.
 */
@Component
public class RegisterRetention {

    private static final Logger log = LoggerFactory.getLogger(RegisterRetention.class);
    /** The advisory lock key of this job: any number the platform uses for nothing else. */
    private static final long LOCK_KEY = 0x0_5265_6752L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final int days;

    RegisterRetention(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, Clock clock,
                      @Value("${onegrid.register.retention-days:1095}") int days) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "${onegrid.retention.cron:0 17 * * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "register-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void scheduled() {
        run("system:retention");
    }

    /** Erases what is due; how many members. */
    public int run(String actor) {
        LocalDate before = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(days);
        Integer erased = tx.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
                return -1;
            }
            return jdbc.sql("""
                    UPDATE household_member SET name = NULL, id_cipher = NULL, id_hash = NULL, id_masked = NULL, phone = NULL,
                           flags = '{}', erased_at = ?, updated_at = ?
                    WHERE erased_at IS NULL AND moved_out_on < ?""")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), before).update();
        });
        if (erased == null || erased < 0) {
            log.info("Register retention is running on another instance");
            return 0;
        }
        if (erased > 0) {
            audit.record(actor, "register.retention", erased + " members", "moved out before " + before);
            log.info("Register retention erased {} members who moved out before {}", erased, before);
        }
        return erased;
    }
}
