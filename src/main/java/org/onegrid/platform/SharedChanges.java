package org.onegrid.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every instance's caches (the grid, units, catalogue, calendar) in step: a change made on
 * one instance bumps its cache's version in {@code cache_version}, in the same transaction as
 * the change where there is one; every instance polls the versions every second
 * ({@code onegrid.instances.poll-every}) and reloads a cache whose version moved. A change is
 * seen by the other instances within about a second of its commit.
 */
@Component
public class SharedChanges {

    private static final Logger log = LoggerFactory.getLogger(SharedChanges.class);

    private final JdbcClient jdbc;
    private final Map<String, Runnable> reloaders = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    SharedChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers how this instance reloads {@code cache}; from now on, another instance's change reloads it here. */
    public void onChange(String cache, Runnable reload) {
        reloaders.put(cache, reload);
        seen.put(cache, version(cache));
    }

    /** Announces that this instance changed {@code cache} (and reloaded its own copy). */
    public void changed(String cache) {
        long version = jdbc.sql("""
                INSERT INTO cache_version (name, version) VALUES (?, 1)
                ON CONFLICT (name) DO UPDATE SET version = cache_version.version + 1 RETURNING version""")
                .param(cache).query(Long.class).single();
        seen.merge(cache, version, Math::max);
    }

    private long version(String cache) {
        return jdbc.sql("SELECT version FROM cache_version WHERE name = ?").param(cache).query(Long.class).optional().orElse(0L);
    }

    @Scheduled(fixedDelayString = "${onegrid.instances.poll-every:PT1S}", initialDelayString = "${onegrid.instances.poll-every:PT1S}")
    void poll() {
        if (reloaders.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT name, version FROM cache_version").query((java.sql.ResultSet rs) -> {
            String name = rs.getString(1);
            long version = rs.getLong(2);
            Runnable reload = reloaders.get(name);
            if (reload != null && version > seen.getOrDefault(name, 0L)) {
                seen.put(name, version);
                try {
                    reload.run();
                    log.debug("Reloaded {} at version {}", name, version);
                } catch (RuntimeException failed) {
                    seen.put(name, version - 1); // try again at the next poll
                    log.warn("Reloading {} failed: {}", name, failed.getMessage());
                }
            }
        });
    }
}
