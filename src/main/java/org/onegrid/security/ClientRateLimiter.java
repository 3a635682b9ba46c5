package org.onegrid.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per client address in fixed windows and says when an address is over its
 * limit and for how long. Counts are per application instance: behind a load balancer with N
 * instances an address gets at most N times the limit.
 */
final class ClientRateLimiter {

    private record Window(long startMillis, int count) {
    }

    private static final int MAX_ADDRESSES = 50_000;

    private final int limit;
    private final long windowMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ClientRateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    /** Counts one event; returns 0 if within the limit, else the seconds until the window ends. */
    long record(String address) {
        long now = System.currentTimeMillis();
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> now - w.startMillis() >= windowMillis);
        }
        Window window = windows.compute(address, (a, w) -> w == null || now - w.startMillis() >= windowMillis
                ? new Window(now, 1) : new Window(w.startMillis(), w.count() + 1));
        return window.count() > limit ? retryAfterSeconds(window, now) : 0;
    }

    /** Seconds until the address may try again, or 0 if it is not over its limit. */
    long blockedFor(String address) {
        long now = System.currentTimeMillis();
        Window window = windows.get(address);
        if (window == null || now - window.startMillis() >= windowMillis || window.count() < limit) {
            return 0;
        }
        return retryAfterSeconds(window, now);
    }

    void clear() {
        windows.clear();
    }

    private long retryAfterSeconds(Window window, long now) {
        return Math.max(1, (window.startMillis() + windowMillis - now + 999) / 1000);
    }
}
