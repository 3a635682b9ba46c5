package org.onegrid.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the reports read (只读副本): the dashboard, figures, rankings and drill-downs may read
 * from a hot standby kept by PostgreSQL streaming replication, so that a leader's big screen does
 * not take the primary's time from intake. Set {@code onegrid.replica.url}
 * (with {@code onegrid.replica.username} and {@code .password}) to use one.
 * <p>
 * The staleness is stated and bounded ({@link ReplicaLagPolicy}): the standby serves only while it
 * is at most {@code onegrid.replica.max-lag} behind the primary; when it lags more, or cannot be
 * reached, the reports read the primary until it catches up. Writes, and anything a
 * user has just changed and expects to see (a case, a setting), always use the primary: only
 * code that asks for {@link #reads()} reads the standby.
 */
@Component
public class ReportingDatabase implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReportingDatabase.class);
    /** How often the standby's lag is asked, at most (unless told otherwise). */
    static final Duration LAG_CHECK_EVERY = Duration.ofSeconds(5);
    /**
     * The standby's lag behind the primary in seconds: zero when it has replayed all it received
     * (an idle primary sends nothing new, and the time since the last replayed transaction is
     * then no lag), else the age of the last transaction it replayed.
     */
    static final String LAG_SQL = """
            SELECT CASE WHEN NOT pg_is_in_recovery() THEN NULL
                        WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                        ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) END
            """;

    /** The two databases the reports may read. */
    public enum Database { PRIMARY, REPLICA }

    /** What the reports read now, with the standby's lag when one is configured and answered. */
    public record Source(Database database, Double lagSeconds) {

        static final Source PRIMARY_ONLY = new Source(Database.PRIMARY, null);
    }

    private final JdbcClient primary;
    private final HikariDataSource replicaPool;
    private final JdbcClient replica;
    private final Duration maxLag;
    private final Duration checkEvery;
    private volatile long checkedAt;
    private volatile Source source = Source.PRIMARY_ONLY;

    @org.springframework.beans.factory.annotation.Autowired
    ReportingDatabase(JdbcClient primary,
                      @Value("${onegrid.replica.url:}") String url,
                      @Value("${onegrid.replica.username:postgres}") String username,
                      @Value("${onegrid.replica.password:}") String password,
                      @Value("${onegrid.replica.max-lag:PT30S}") Duration maxLag) {
        this(primary, url, username, password, maxLag, LAG_CHECK_EVERY);
    }

    ReportingDatabase(JdbcClient primary, String url, String username, String password, Duration maxLag,
                      Duration checkEvery) {
        this.primary = primary;
        this.checkEvery = checkEvery;
        this.maxLag = maxLag;
        if (url == null || url.isBlank()) {
            replicaPool = null;
            replica = null;
        } else {
            HikariConfig config = new HikariConfig();
            config.setPoolName("onegrid-replica");
            config.setJdbcUrl(url);
            config.setUsername(username);
            config.setPassword(password);
            config.setReadOnly(true);
            config.setMaximumPoolSize(8);
            config.setConnectionTimeout(2_000);
            // The pool starts even while the standby is down; the reports read the primary meanwhile.
            config.setInitializationFailTimeout(-1);
            replicaPool = new HikariDataSource(config);
            replica = JdbcClient.create(replicaPool);
            checkedAt = System.nanoTime() - checkEvery.toNanos();
        }
    }

    /** The database the reports read now: the standby while it is fresh enough, else the primary. */
    public JdbcClient reads() {
        return readsStandby() ? replica : primary;
    }

    /** Whether the reports read the standby now (and so cannot write). */
    public boolean readsStandby() {
        return current().database() == Database.REPLICA;
    }

    /** Which database the reports read now, with the standby's lag when one is configured. */
    public Source current() {
        if (replica == null) {
            return source;
        }
        long now = System.nanoTime();
        if (now - checkedAt >= checkEvery.toNanos()) {
            synchronized (this) {
                if (now - checkedAt >= checkEvery.toNanos()) {
                    source = check();
                    checkedAt = System.nanoTime();
                }
            }
        }
        return source;
    }

    private Source check() {
        double seconds;
        try {
            // -1: the server is not in recovery, so not a standby.
            seconds = replica.sql(LAG_SQL).query((rs, i) -> rs.getObject(1) == null ? -1 : rs.getDouble(1)).single();
        } catch (RuntimeException unreachable) {
            return changed(Source.PRIMARY_ONLY, "the standby cannot be reached: " + unreachable.getMessage());
        }
        if (seconds < 0) {
            return changed(Source.PRIMARY_ONLY, "the configured replica is not a standby");
        }
        boolean serves = ReplicaLagPolicy.serves(seconds, maxLag);
        return changed(new Source(serves ? Database.REPLICA : Database.PRIMARY, seconds),
                "the standby is " + Math.round(seconds) + " s behind, " + maxLag.toSeconds() + " s allowed");
    }

    private Source changed(Source next, String why) {
        if (next.database() != source.database()) {
            log.info("Reports read the {}: {}", next.database().name().toLowerCase(java.util.Locale.ROOT), why);
        }
        return next;
    }

    @Override
    public void destroy() {
        if (replicaPool != null) {
            replicaPool.close();
        }
    }
}
