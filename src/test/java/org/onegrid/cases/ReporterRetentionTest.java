package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Reporters of cases closed more than a year ago lose their personal data; newer ones keep it. */
class ReporterRetentionTest extends ApiTest {

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseTransitions cases;
    @Autowired
    DirectoryService directory;

    private long closedAt(Instant received) {
        StaffMember agent = directory.staffByUsername("agent").orElseThrow();
        StaffMember dispatcher = directory.staffByUsername("dispatcher").orElseThrow();
        StaffMember handler = directory.staffByUsername("h-c001001").orElseThrow();
        NewCase request = new NewCase(Channel.HOTLINE_12345, "保留期限测试", "描述", 34.5555, 119.1355, "幸福路8号",
                "1501", "赵先生", "13711112222");
        long id = intake.receiveAt(request, agent, null, received).details().id();
        Instant at = received;
        cases.performAt(id, CaseAction.DISPATCH, new ActionRequest(handler.unitId(), null, null, null, null, null, null, null),
                dispatcher, at = at.plus(Duration.ofHours(1)));
        cases.performAt(id, CaseAction.ACCEPT, ActionRequest.EMPTY, handler, at = at.plus(Duration.ofHours(1)));
        cases.performAt(id, CaseAction.RESOLVE, new ActionRequest(null, null, "已调解", null, null, null, null, null),
                handler, at = at.plus(Duration.ofHours(5)));
        cases.performAt(id, CaseAction.RATE, new ActionRequest(null, null, null, 5, null, null, null, null), agent,
                at = at.plus(Duration.ofDays(1)));
        cases.performAt(id, CaseAction.CLOSE, ActionRequest.EMPTY, dispatcher, at.plus(Duration.ofHours(2)));
        return id;
    }

    @Test
    void reportersOfCasesClosedOverAYearAgoAreAnonymised() {
        long old = closedAt(Instant.now().minus(Duration.ofDays(400)));
        long recent = closedAt(Instant.now().minus(Duration.ofDays(30)));
        assertThat(http().post("/api/admin/retention/run", "dispatcher", null).status()).isEqualTo(403);
        JsonNode run = http().post("/api/admin/retention/run", "admin", null).body();
        assertThat(run.get("anonymised").asInt()).isPositive();

        JsonNode anonymised = http().get("/api/cases/" + old, "agent").body();
        assertThat(anonymised.get("state").asText()).isEqualTo("CLOSED");
        assertThat(anonymised.has("reporterName")).isFalse();
        assertThat(anonymised.has("reporterPhone")).isFalse();
        assertThat(anonymised.get("address").asText()).doesNotContain("幸福路");
        JsonNode kept = http().get("/api/cases/" + recent, "agent").body();
        assertThat(kept.get("reporterPhone").asText()).isEqualTo("13711112222");
        assertThat(http().get("/api/audit/changes", "admin").body().findValuesAsText("action")).contains("retention.anonymise");
        // Running again finds nothing new.
        assertThat(http().post("/api/admin/retention/run", "admin", null).body().get("anonymised").asInt()).isZero();
    }
}
