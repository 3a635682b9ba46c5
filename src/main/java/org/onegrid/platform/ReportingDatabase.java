package org.onegrid.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the reports read (只读副本): dashboards, rankings, drill-downs and exports may read from a
 * hot standby kept by PostgreSQL streaming replication, so that a leader's big screen and a
 * month's export do not take the primary's time from intake. Set {@code onegrid.replica.url}
 * (with {@code onegrid.replica.username} and {@code .password}) to use one.
 * <p>
 * The staleness is stated and bounded: the standby serves only while it is at most
 * {@code onegrid.replica.max-lag} (30 s unless told) behind the primary; when it lags more, or
 * cannot be reached, the reports read the primary until it catches up. Writes, and anything a
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

    /** What the reports read now, and why. */
    public record Source(String name, Double lagSeconds) {
    }

    private final JdbcClient primary;
    private final HikariDataSource replicaPool;
    private final JdbcClient replica;
    private final Duration maxLag;
    private final Duration checkEvery;
    private volatile long checkedAt;
    private volatile Source source;

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
            source = new Source("primary", null);
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
            source = new Source("primary", null);
            checkedAt = System.nanoTime() - checkEvery.toNanos();
        }
    }

    /** The database the reports read now: the standby while it is fresh enough, else the primary. */
    public JdbcClient reads() {
        return readsStandby() ? replica : primary;
    }

    /** Whether the reports read the standby now (and so cannot write). */
    public boolean readsStandby() {
        return current().name().equals("replica");
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
            return changed(new Source("primary", null), "the standby cannot be reached: " + unreachable.getMessage());
        }
        if (seconds < 0) {
            return changed(new Source("primary", null), "the configured replica is not a standby");
        }
        if (seconds > maxLag.toMillis() / 1000.0) {
            return changed(new Source("primary", seconds), "the standby is " + Math.round(seconds) + " s behind");
        }
        return changed(new Source("replica", seconds), "the standby is within " + maxLag.toSeconds() + " s");
    }

    private Source changed(Source next, String why) {
        if (!next.name().equals(source.name())) {
            log.info("Reports read the {}: {}", next.name(), why);
        }
        return next;
    }

    /** The standby's data source, when one is configured (for the bench and tests). */
    Optional<DataSource> replicaDataSource() {
        return Optional.ofNullable(replicaPool);
    }

    @Override
    public void destroy() {
        if (replicaPool != null) {
            replicaPool.close();
        }
    }
}
