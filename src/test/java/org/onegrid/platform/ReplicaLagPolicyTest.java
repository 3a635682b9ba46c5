package org.onegrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standby serves the reports up to the allowed lag, at it included, and never with its lag unknown. */
class ReplicaLagPolicyTest {

    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    @Test
    void aStandbyServesUpToTheAllowedLagAndNotPastIt() {
        assertThat(ReplicaLagPolicy.serves(0.0, THIRTY_SECONDS)).isTrue();
        assertThat(ReplicaLagPolicy.serves(30.0, THIRTY_SECONDS)).isTrue();
        assertThat(ReplicaLagPolicy.serves(30.5, THIRTY_SECONDS)).isFalse();
    }

    @Test
    void aStandbyWhoseLagIsUnknownNeverServes() {
        assertThat(ReplicaLagPolicy.serves(null, THIRTY_SECONDS)).isFalse();
        assertThat(ReplicaLagPolicy.serves(-1.0, THIRTY_SECONDS)).isFalse();
    }
}
