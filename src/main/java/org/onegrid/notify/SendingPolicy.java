package org.onegrid.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a message may go:
 * <ul>
 *   <li>no SMS to a resident in the quiet hours, 22:00 to 08:00 in the district's time unless the
 *       deployment sets others ({@code onegrid.notify.sms.quiet-from}, {@code quiet-until}; equal
 *       times mean none), unless urgent: it waits for their end;</li>
 *   <li>at most {@code dailyLimit} SMS to one phone a day; beyond that, a message is suppressed;</li>
 *   <li>a failed attempt is retried after base × 2^(attempts-1), at most {@code maxAttempts}
 *       attempts; then the message is FAILED, for staff to see and resend.</li>
 * </ul>
 */
final class SendingPolicy {


    private SendingPolicy() {
    }

    /** The moment a resident's SMS may go out: now, or the end of the quiet hours. */
    static Instant notBefore(Instant now, ZoneId zone, boolean urgent, LocalTime quietFrom, LocalTime quietUntil) {
        if (urgent || quietFrom.equals(quietUntil)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil);
        boolean quiet = overnight ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return now;
        }
        boolean nextDay = overnight && !time.isBefore(quietFrom);
        return local.toLocalDate().plusDays(nextDay ? 1 : 0).atTime(quietUntil).atZone(zone).toInstant();
    }

    static boolean overDailyLimit(long sentToday, int dailyLimit) {
        return sentToday >= dailyLimit;
    }

    /** The next try after {@code attempts} failed ones, or null when no try is left. */
    static Instant retryAt(Instant now, int attempts, Duration base, int maxAttempts) {
        if (attempts >= maxAttempts) {
            return null;
        }
        return now.plus(base.multipliedBy(1L << Math.min(20, attempts - 1)));
    }
}
