package org.onegrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read replica: a hot standby made from the test's running PostgreSQL with the platform's own
 * {@code make-standby}, streaming from it. While the standby is fresh the reports read it, it
 * refuses writes, and a change on the primary reaches it within seconds; once it is stopped the
 * reports read the primary again.
 */
class ReadReplicaTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient primary;

    @Test
    void theReportsReadAFreshStandbyAndThePrimaryWhenItIsGone() throws Exception {
        HikariDataSource db = (HikariDataSource) dataSource;
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path directory = Files.createTempDirectory("onegrid-standby").resolve("data");
        StandbyMaker.Standby standby = StandbyMaker.make(db.getJdbcUrl(), db.getUsername(),
                db.getPassword() == null ? "" : db.getPassword(), directory, port);
        ReportingDatabase reporting = new ReportingDatabase(primary, "jdbc:postgresql://localhost:" + port + "/"
                + primary.sql("SELECT current_database()").query(String.class).single(), db.getUsername(), "",
                Duration.ofSeconds(30), Duration.ZERO);
        try {
            assertThat(reporting.readsStandby()).isTrue();
            assertThat(reporting.current().lagSeconds()).isNotNull();
            assertThat(reporting.reads().sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()).isTrue();
            assertThatThrownBy(() -> reporting.reads().sql("INSERT INTO cache_version VALUES ('replica-test', 1)").update())
                    .hasMessageContaining("read-only");

            long version = System.nanoTime();
            primary.sql("INSERT INTO cache_version VALUES ('replica-test', ?) ON CONFLICT (name) DO UPDATE SET version = ?")
                    .params(version, version).update();
            long seen = 0;
            for (int i = 0; i < 100 && seen != version; i++) {
                seen = reporting.reads().sql("SELECT coalesce(max(version), 0) FROM cache_version WHERE name = 'replica-test'")
                        .query(Long.class).single();
                if (seen != version) {
                    Thread.sleep(100);
                }
            }
            assertThat(seen).as("the primary's change on the standby within 10 s").isEqualTo(version);

            standby.stop();
            assertThat(reporting.readsStandby()).isFalse();
            assertThat(reporting.reads().sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()).isFalse();
        } finally {
            reporting.destroy();
            primary.sql("DELETE FROM cache_version WHERE name = 'replica-test'").update();
            if (Files.exists(directory.resolve("postmaster.pid"))) {
                standby.stop();
            }
            StandbyMaker.dropSlot(db.getJdbcUrl(), db.getUsername(), db.getPassword() == null ? "" : db.getPassword(), port);
            assertThat(primary.sql("SELECT count(*) FROM pg_replication_slots").query(Long.class).single()).isZero();
            org.springframework.util.FileSystemUtils.deleteRecursively(directory.getParent());
        }
    }
}
