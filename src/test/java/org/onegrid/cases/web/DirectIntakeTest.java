package org.onegrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /api/cases answered directly ({@link DirectIntake}) and through Spring MVC (a chunked
 * body, which the direct route leaves to MVC) gives the same answers, for cases and for mistakes.
 */
class DirectIntakeTest extends ApiTest {

    @Autowired
    DirectIntake direct;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void aCaseRecordedDirectlyLooksLikeOneRecordedThroughSpringMvc() {
        long before = direct.answered();
        Response directly = http().post("/api/cases", "agent", newCaseJson("直接受理", "0101"));
        assertThat(directly.status()).as(directly.raw().body()).isEqualTo(201);
        assertThat(direct.answered()).isEqualTo(before + 1);
        Response mvc = http().postChunked("/api/cases", "agent", newCaseJson("直接受理", "0101"));
        assertThat(direct.answered()).as("a chunked body goes through Spring MVC").isEqualTo(before + 1);

        assertThat(mvc.status()).isEqualTo(201);
        assertThat(headerNames(directly)).isEqualTo(headerNames(mvc));
        assertThat(directly.contentType()).isEqualTo(mvc.contentType());
        assertThat(directly.header("Location")).isEqualTo("/api/cases/" + directly.body().get("id").asLong());
        assertThat(directly.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(directly.header("X-Content-Type-Options")).isEqualTo("nosniff");
        ObjectNode a = withoutVaryingFields(directly.body());
        ObjectNode b = withoutVaryingFields(mvc.body());
        assertThat(a).isEqualTo(b);
    }

    @Test
    void mistakesGetTheSameProblemDocumentBothWays() {
        String[] bodies = {
            "{\"channel\":\"HOTLINE_12345\",\"title\":",
            "{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"lat\":\"north\",\"lng\":119.13}",
            "{\"channel\":\"HOTLINE_12345\",\"description\":\"d\",\"lat\":34.5555,\"lng\":119.1355}",
            "{\"channel\":\"FAX\",\"title\":\"t\",\"description\":\"d\",\"lat\":34.5555,\"lng\":119.1355}",
            "{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"lat\":1.0,\"lng\":1.0}",
            "null",
            "[1, 2]",
        };
        for (String body : bodies) {
            long before = direct.answered();
            Response directly = http().post("/api/cases", "agent", body);
            Response throughMvc = http().postChunked("/api/cases", "agent", body);
            assertThat(direct.answered()).isEqualTo(before);
            assertThat(directly.status()).as(body).isBetween(400, 499).isEqualTo(throughMvc.status());
            assertThat(directly.contentType()).as(body).isEqualTo("application/problem+json");
            assertThat(directly.body()).as(body).isEqualTo(throughMvc.body());
        }
        // Not signed in: the security chain refuses before any route is asked.
        Response anonymous = http().post("/api/cases", null, newCaseJson("无凭据", "0101"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void requestMetricsNameThePathOfADirectIntake() throws InterruptedException {
        long before = direct.answered();
        long timedBefore = timedIntakes();
        http().post("/api/cases", "agent", newCaseJson("指标", "0101"));
        assertThat(direct.answered()).isEqualTo(before + 1);
        // The timer stops just after the answer is sent.
        for (int i = 0; i < 50 && timedIntakes() == timedBefore; i++) {
            Thread.sleep(50);
        }
        assertThat(timedIntakes()).as("http.server.requests with uri=/api/cases").isEqualTo(timedBefore + 1);
    }

    private long timedIntakes() {
        io.micrometer.core.instrument.Timer timer = metrics.find("http.server.requests")
                .tags("method", "POST", "status", "201", "uri", "/api/cases").timer();
        return timer == null ? 0 : timer.count();
    }

    private static Set<String> headerNames(Response response) {
        Set<String> names = new TreeSet<>();
        response.raw().headers().map().keySet().forEach(name -> names.add(name.toLowerCase()));
        names.remove("date");
        return names;
    }

    private static ObjectNode withoutVaryingFields(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(java.util.List.of("id", "code", "receivedAt", "updatedAt", "timeline", "dueAt", "deadlineColour"));
        return copy;
    }
}
