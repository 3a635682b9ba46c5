package org.onegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a message may go, in words. */
class SendingPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime TEN_PM = LocalTime.of(22, 0);
    private static final LocalTime EIGHT_AM = LocalTime.of(8, 0);

    @Test
    void aResidentsSmsInTheQuietHoursWaitsForEightInTheMorningUnlessUrgent() {
        Instant lateEvening = Instant.parse("2026-12-03T15:30:00Z"); // 23:30 in Shanghai
        assertThat(SendingPolicy.notBefore(lateEvening, SHANGHAI, false, TEN_PM, EIGHT_AM))
                .isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        Instant earlyMorning = Instant.parse("2026-12-03T21:00:00Z"); // 05:00 the next day
        assertThat(SendingPolicy.notBefore(earlyMorning, SHANGHAI, false, TEN_PM, EIGHT_AM))
                .isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        Instant afternoon = Instant.parse("2026-12-03T07:00:00Z");
        assertThat(SendingPolicy.notBefore(afternoon, SHANGHAI, false, TEN_PM, EIGHT_AM)).isEqualTo(afternoon);
        assertThat(SendingPolicy.notBefore(lateEvening, SHANGHAI, true, TEN_PM, EIGHT_AM)).isEqualTo(lateEvening);
        assertThat(SendingPolicy.notBefore(lateEvening, SHANGHAI, false, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
                .as("equal times: no quiet hours").isEqualTo(lateEvening);
    }

    @Test
    void aFailedTryIsRetriedWithDoublingWaitsUntilTheLastAttempt() {
        Instant now = Instant.parse("2026-12-03T07:00:00Z");
        Duration base = Duration.ofSeconds(30);
        assertThat(SendingPolicy.retryAt(now, 1, base, 5)).isEqualTo(now.plusSeconds(30));
        assertThat(SendingPolicy.retryAt(now, 2, base, 5)).isEqualTo(now.plusSeconds(60));
        assertThat(SendingPolicy.retryAt(now, 4, base, 5)).isEqualTo(now.plusSeconds(240));
        assertThat(SendingPolicy.retryAt(now, 5, base, 5)).as("no try left: FAILED").isNull();
    }

    @Test
    void aPhoneGetsAtMostTheDailyLimit() {
        assertThat(SendingPolicy.overDailyLimit(4, 5)).isFalse();
        assertThat(SendingPolicy.overDailyLimit(5, 5)).isTrue();
    }
}
