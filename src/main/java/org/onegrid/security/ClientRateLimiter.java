package org.onegrid.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts events per client address in fixed windows and says when an address is over its limit
 * and for how long. The counts are kept in PostgreSQL ({@code address_count}, an unlogged table:
 * a crash forgets them), so that they hold across every instance on the database: behind a load
 * balancer an address gets its limit once, not once per instance. Counting an event is one
 * upsert; asking whether an address is blocked reads a set of blocked addresses that each
 * instance refreshes at most once a second, so that a request that is not counted costs no query.
 */
final class ClientRateLimiter {

    private static final long REFRESH_MILLIS = 1000;

    private final String kind;
    private final int limit;
    private final long windowMillis;
    private final JdbcClient jdbc;
    /** Addresses at their limit, with the end of their window, as of the last refresh or count here. */
    private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();
    private volatile long refreshedAt;

    ClientRateLimiter(String kind, int limit, Duration window, JdbcClient jdbc) {
        this.kind = kind;
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.jdbc = jdbc;
    }

    /** Counts one event; returns 0 if within the limit, else the seconds until the window ends. */
    long record(String address) {
        long now = System.currentTimeMillis();
        long start = now - now % windowMillis;
        int count = jdbc.sql("""
                INSERT INTO address_count (kind, address, window_start, count) VALUES (?, ?, ?, 1)
                ON CONFLICT (kind, address, window_start) DO UPDATE SET count = address_count.count + 1 RETURNING count""")
                .params(kind, address, new Timestamp(start)).query(Integer.class).single();
        if (count >= limit) {
            blockedUntil.put(address, start + windowMillis);
        }
        if (ThreadLocalRandom.current().nextInt(1000) == 0) {
            jdbc.sql("DELETE FROM address_count WHERE kind = ? AND window_start < ?").params(kind, new Timestamp(start - windowMillis))
                    .update();
        }
        return count > limit ? retryAfterSeconds(start, now) : 0;
    }

    /** Seconds until the address may try again, or 0 if it is not at its limit. */
    long blockedFor(String address) {
        long now = System.currentTimeMillis();
        refreshIfStale(now);
        Long until = blockedUntil.get(address);
        if (until == null || until <= now) {
            return 0;
        }
        return Math.max(1, (until - now + 999) / 1000);
    }

    private void refreshIfStale(long now) {
        if (now - refreshedAt < REFRESH_MILLIS) {
            return;
        }
        synchronized (this) {
            if (now - refreshedAt < REFRESH_MILLIS) {
                return;
            }
            long start = now - now % windowMillis;
            Map<String, Long> fresh = new ConcurrentHashMap<>();
            jdbc.sql("SELECT address FROM address_count WHERE kind = ? AND window_start = ? AND count >= ?")
                    .params(kind, new Timestamp(start), limit).query(String.class).list()
                    .forEach(a -> fresh.put(a, start + windowMillis));
            blockedUntil.keySet().retainAll(fresh.keySet());
            blockedUntil.putAll(fresh);
            refreshedAt = now;
        }
    }

    void clear() {
        jdbc.sql("DELETE FROM address_count WHERE kind = ?").param(kind).update();
        blockedUntil.clear();
        refreshedAt = 0;
    }

    private long retryAfterSeconds(long start, long now) {
        return Math.max(1, (start + windowMillis - now + 999) / 1000);
    }
}
