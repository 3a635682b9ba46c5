package org.onegrid.platform;

import java.time.Duration;

/**
 * 副本延迟: the reports read the standby only while it is at most the allowed lag behind the
 * primary (30 s unless {@code onegrid.replica.max-lag} says otherwise); at the limit it still
 * serves, past it the primary does. A standby that cannot say its lag (not in recovery, or not
 * reachable) never serves.
 */
final class ReplicaLagPolicy {

    private ReplicaLagPolicy() {
    }

    /** Whether a standby {@code lagSeconds} behind (null: unknown) may serve the reports. */
    static boolean serves(Double lagSeconds, Duration maxLag) {
        return lagSeconds != null && lagSeconds >= 0 && lagSeconds * 1000 <= maxLag.toMillis();
    }
}
