package org.onegrid.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server in a data directory of its own when no external database is
 * configured, so that the platform runs on a fresh machine with no set-up. The data survives
 * restarts. A server left running by a process that was killed is stopped before the new one
 * starts, and PostgreSQL's crash recovery replays its write-ahead log.
 * <p>
 * Two instances never share a server by accident: each holds a lock on its data directory for
 * as long as it runs (released by the operating system even when the process is killed), so a
 * second instance on the same directory stops with a message saying so; and a second instance
 * on a directory of its own whose configured port is taken starts its server on a free port
 * instead of talking to the other instance's server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Held while this instance runs; the server stops before it is released. */
    @Bean(destroyMethod = "close")
    DataDirectoryLock embeddedDataDirectoryLock(EmbeddedDatabaseProperties properties) throws IOException {
        return DataDirectoryLock.acquire(new File(properties.dataDirectory()).getAbsoluteFile().toPath());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, DataDirectoryLock lock) throws IOException {
        return start(properties, lock);
    }

    /** Starts the server in the locked data directory. */
    static EmbeddedPostgres start(EmbeddedDatabaseProperties properties, DataDirectoryLock lock) throws IOException {
        File dataDirectory = lock.directory().toFile();
        stopOrphanedServer(dataDirectory.toPath());
        String durability = properties.durable() ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.clean())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        if (properties.port() > 0 && portFree(properties.port())) {
            builder.setPort(properties.port());
        } else if (properties.port() > 0) {
            log.warn("Port {} for the embedded PostgreSQL is taken (another OneGrid instance, or another server); "
                    + "starting this instance's own server on a free port instead. Set ONEGRID_DB_PORT to choose one.",
                    properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    /**
     * Whether nothing listens on {@code port} of the loopback address. The probe binds as
     * PostgreSQL does, with SO_REUSEADDR, so that connections of a server stopped a moment ago,
     * still in TIME_WAIT, do not count as a server listening.
     */
    static boolean portFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("onegrid");
        return new HikariDataSource(config);
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running. Stop it (fast shutdown
     * checkpoints everything it acknowledged) so that this process can start its own.
     */
    private static void stopOrphanedServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(firstLine);
            Optional<ProcessHandle> process = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
            if (process.isEmpty()) {
                return;
            }
            log.warn("Stopping PostgreSQL server {} left running by an earlier process", pid);
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Could not stop an orphaned PostgreSQL server: {}", e.toString());
        }
    }
}
