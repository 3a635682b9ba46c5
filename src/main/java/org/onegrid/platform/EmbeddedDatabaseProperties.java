package org.onegrid.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL server, used only when {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the database files live; they survive restarts
 * @param port          TCP port on localhost; 0 picks a free one
 * @param clean         wipe the data directory on start and stop (tests)
 * @param durable       fsync and synchronous commit on; off only for throw-away test databases
 */
@ConfigurationProperties("onegrid.embedded-db")
public record EmbeddedDatabaseProperties(String dataDirectory, int port, boolean clean, Boolean durable) {

    public EmbeddedDatabaseProperties {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            dataDirectory = "data/postgres";
        }
        if (durable == null) {
            durable = Boolean.TRUE;
        }
    }
}
