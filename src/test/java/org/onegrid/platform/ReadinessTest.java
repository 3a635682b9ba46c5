package org.onegrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * Health says UP only once the platform is ready: the demo district is loaded by an
 * {@link ApplicationRunner}, and Spring Boot turns readiness to accepting traffic only after every
 * runner has finished; until then {@code /actuator/health} answers 503 OUT_OF_SERVICE.
 */
class ReadinessTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Test
    void healthIsOutOfServiceUntilTheStartUpWorkHasFinished() {
        assertThat(context.getBeanNamesForType(ApplicationRunner.class)).contains("demoLoader");
        assertThat(http().get("/actuator/health", null).status()).isEqualTo(200);
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            var health = http().get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(http().get("/actuator/health/readiness", null).status()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(http().get("/actuator/health", null).body().get("status").asText()).isEqualTo("UP");
    }
}
