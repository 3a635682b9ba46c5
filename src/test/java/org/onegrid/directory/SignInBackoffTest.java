package org.onegrid.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Four wrong passwords cost nothing; the fifth locks for a minute, then 2, 4, ... up to an hour. */
class SignInBackoffTest {

    @Test
    void theLockStartsAtTheFifthFailureAndDoublesUpToAnHour() {
        assertThat(SignInBackoff.lockAfter(4)).isZero();
        assertThat(SignInBackoff.lockAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInBackoff.lockAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInBackoff.lockAfter(8)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInBackoff.lockAfter(11)).isEqualTo(Duration.ofMinutes(60));
        assertThat(SignInBackoff.lockAfter(1000)).isEqualTo(Duration.ofMinutes(60));
    }
}
