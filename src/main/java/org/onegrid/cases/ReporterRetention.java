package org.onegrid.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.onegrid.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of personal data (个人信息保存期限): a reporter's name, phone and address are removed
 * from cases closed or voided more than {@code onegrid.retention.reporter-days} ago (365 by
 * default). Runs every hour; a PostgreSQL advisory lock lets only one instance work at a time,
 * and the work is idempotent. Each run that removes something is written to the audit trail.
 */
@Component
public class ReporterRetention {

    private static final Logger log = LoggerFactory.getLogger(ReporterRetention.class);
    /** The advisory lock key of this job: any number the platform uses for nothing else. */
    private static final long LOCK_KEY = 0x0_4E6E_6964L;
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration keep;

    ReporterRetention(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock,
                      @Value("${onegrid.retention.reporter-days:365}") int days) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.keep = Duration.ofDays(days);
    }

    @Scheduled(cron = "${onegrid.retention.cron:0 17 * * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "reporter-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void scheduled() {
        run("system:retention");
    }

    /** Anonymises what is due; returns how many cases were changed. */
    public int run(String actor) {
        Instant cutoff = clock.instant().minus(keep);
        int total = 0;
        int changed;
        do {
            Integer batch = transactions.execute(tx -> {
                if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
                    return -1;
                }
                return jdbc.sql("""
                        UPDATE cases SET reporter_name = NULL, reporter_phone = NULL,
                            address = CASE WHEN address IS NULL THEN NULL ELSE '(已匿名 anonymised)' END,
                            anonymised_at = now()
                        WHERE id IN (SELECT id FROM cases WHERE anonymised_at IS NULL AND closed_at < ? LIMIT ?)
                        """).params(Timestamp.from(cutoff), BATCH).update();
            });
            changed = batch == null ? 0 : batch;
            if (changed < 0) {
                log.info("Reporter retention is running on another instance");
                return total;
            }
            total += changed;
        } while (changed == BATCH);
        if (total > 0) {
            audit.record(actor, "retention.anonymise", "cases", total + " reporters of cases closed before " + cutoff);
            log.info("Anonymised the reporters of {} cases closed before {}", total, cutoff);
        }
        return total;
    }
}
