package org.onegrid.gridwork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 到岗签到: a cadre checks in for a duty shift only when
 * <ul>
 *   <li>the shift is theirs (their own posting);</li>
 *   <li>the time lies from {@link #EARLY} before the shift's start until its end;</li>
 *   <li>the position lies within the deployment's check-in distance of the compound's point
 *       ({@code onegrid.gridwork.check-in-radius-meters}, 300 m unless set), or, for a posting
 *       to a whole base grid, inside that grid.</li>
 * </ul>
 */
final class CheckInPolicy {

    /** How early before the start of a shift a check-in counts. */
    static final Duration EARLY = Duration.ofMinutes(30);

    private CheckInPolicy() {
    }

    static boolean isTheirs(long shiftStaffId, long cadreStaffId) {
        return shiftStaffId == cadreStaffId;
    }

    /** Why the moment falls outside the shift's check-in window, or empty when it does not. */
    static Optional<String> outsideWindow(Instant startsAt, Instant endsAt, Instant now) {
        if (now.isBefore(startsAt.minus(EARLY))) {
            return Optional.of("the shift starts at " + startsAt + "; check in from " + EARLY.toMinutes() + " minutes before");
        }
        if (now.isAfter(endsAt)) {
            return Optional.of("the shift ended at " + endsAt);
        }
        return Optional.empty();
    }

    static boolean nearEnough(double distanceMeters, double radiusMeters) {
        return distanceMeters <= radiusMeters;
    }
}
