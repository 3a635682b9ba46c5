package org.onegrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * A second instance never talks to another instance's database by accident: on a data directory
 * another running instance holds, it stops with a message saying so; on a directory of its own
 * whose configured port is taken, it runs its own server on a free port.
 */
class EmbeddedDatabaseTest {

    @Test
    void aSecondInstanceOnItsOwnDataDirectoryWhosePortIsTakenStartsItsOwnServerElsewhere() throws Exception {
        Path directory = Files.createTempDirectory("onegrid-db-");
        try (ServerSocket otherServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = otherServer.getLocalPort();
            assertThat(EmbeddedDatabaseConfiguration.portFree(taken)).isFalse();
            EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(directory.resolve("pg").toString(),
                    taken, true, false);
            try (DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(properties.dataDirectory()));
                 EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(properties, lock);
                 Connection connection = postgres.getPostgresDatabase().getConnection();
                 ResultSet dataDirectory = connection.createStatement().executeQuery("SHOW data_directory")) {
                assertThat(postgres.getPort()).isNotEqualTo(taken);
                dataDirectory.next();
                assertThat(Path.of(dataDirectory.getString(1)).toRealPath())
                        .isEqualTo(Path.of(properties.dataDirectory()).toRealPath());
            }
        }
    }

    @Test
    void aSecondInstanceOnADataDirectoryInUseStopsWithAMessageSayingSo() throws Exception {
        Path directory = Files.createTempDirectory("onegrid-db-").resolve("pg");
        try (DataDirectoryLock first = DataDirectoryLock.acquire(directory)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running OneGrid instance")
                    .hasMessageContaining("ONEGRID_DATA_DIR");
        }
        DataDirectoryLock.acquire(directory).close(); // free again once the first has stopped
    }
}
