package org.onegrid.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * The colour of a deadline on screens: under 80% of the step's time used is on time (green),
 * 80-100% is near (yellow), past the deadline is overdue (red).
 */
public enum DeadlineColour {
    ON_TIME, NEAR, OVERDUE;

    public static final double NEAR_SHARE = 0.8;

    public static DeadlineColour of(Instant stepStart, Instant due, Instant now) {
        if (due == null) {
            return null;
        }
        if (now.isAfter(due)) {
            return OVERDUE;
        }
        long total = Duration.between(stepStart, due).toMillis();
        long used = Duration.between(stepStart, now).toMillis();
        return total <= 0 || used >= NEAR_SHARE * total ? NEAR : ON_TIME;
    }
}
