package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ownerless matters, in words: a case returned twice goes to the arbitration queue with its own
 * deadline; the arbitrator's decision is final for that case and can become a routing rule; when
 * nobody decides in time the street office of the location takes it.
 */
class ArbitrationTest extends ApiTest {

    /** A neighbour dispute in 新海街道 社区 003 (community 320706002003): no other test routes there. */
    private static final String DISPUTE = """
            {"channel":"HOTLINE_12345","title":"邻里纠纷","description":"楼上漏水纠纷","lat":34.570,"lng":119.175,
             "categoryCode":"1501","reporterName":"钱女士","reporterPhone":"13600001111"}
            """;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseTransitions cases;

    @Autowired
    ArbitrationDesk arbitration;
    @Autowired
    DirectoryService directory;

    @Test
    void returnedTwiceGoesToArbitrationWhoseFinalDecisionBecomesARule() {
        long id = http().post("/api/cases", "agent", DISPUTE).body().get("id").asLong();
        assertThat(act(id, "dispatch", "dispatcher", "{}").body().get("ownerUnit").get("id").asLong())
                .isEqualTo(unitId("C002003"));
        assertThat(act(id, "return", "h-c002003", "{\"reason\":\"UNCLEAR_OWNERSHIP\"}").body().has("arbitrationDueAt"))
                .isFalse();
        act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("S002-HOUSING") + "}");
        JsonNode twice = act(id, "return", "h-s002-housing", "{\"reason\":\"NOT_OUR_FUNCTION\"}").body();
        assertThat(twice.get("returnCount").asInt()).isEqualTo(2);
        assertThat(twice.get("arbitrationDueAt").asText()).isEqualTo(twice.get("dueAt").asText());
        assertThat(http().get("/api/cases/arbitration", "dispatcher").body().findValuesAsText("id"))
                .contains(String.valueOf(id));
        // While it waits for arbitration, plain dispatch is refused.
        assertThat(act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("C002003") + "}").status()).isEqualTo(409);

        long justice = unitId("S002-JUSTICE");
        JsonNode decided = act(id, "arbitrate", "dispatcher", "{\"unitId\":" + justice + ",\"saveAsRule\":true}").body();
        assertThat(decided.get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(decided.get("ownerUnit").get("id").asLong()).isEqualTo(justice);
        assertThat(decided.get("arbitrated").asBoolean()).isTrue();
        assertThat(decided.has("arbitrationDueAt")).isFalse();
        // Final for this case: the chosen unit cannot hand it back.
        Response refused = act(id, "return", "h-s002-justice", "{\"reason\":\"NOT_OUR_FUNCTION\"}");
        assertThat(refused.status()).isEqualTo(409);
        // And the next such case in that community goes straight there, by the saved rule.
        long next = http().post("/api/cases", "agent", DISPUTE).body().get("id").asLong();
        JsonNode routed = act(next, "dispatch", "dispatcher", "{}").body();
        assertThat(routed.get("ownerUnit").get("id").asLong()).isEqualTo(justice);
        assertThat(routed.get("timeline").get(1).get("detail").asText()).contains("routing rule from arbitration");
        assertThat(http().get("/api/audit/changes", "admin").body().findValuesAsText("action")).contains("routing.rule.save");
    }

    @Test
    void nobodyDecidingInTimeHandsTheCaseToTheStreetOfficeOfItsLocation() {
        StaffMember agent = directory.staffByUsername("agent").orElseThrow();
        StaffMember dispatcher = directory.staffByUsername("dispatcher").orElseThrow();
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(5));
        NewCase uncategorised = new NewCase(Channel.WALK_IN, "无主事项", "谁也不管的事", 34.570, 119.175, null, null, null, null);
        long id = intake.receiveAt(uncategorised, agent, null, threeDaysAgo).details().id();
        CaseDetails queued = cases.performAt(id, CaseAction.DISPATCH, ActionRequest.EMPTY, dispatcher,
                threeDaysAgo.plus(Duration.ofMinutes(10)));
        assertThat(queued.arbitrationDueAt()).isNotNull();

        arbitration.applyFallback(); // what the scheduled job does every minute

        JsonNode after = http().get("/api/cases/" + id, "dispatcher").body();
        assertThat(after.get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(after.get("ownerUnit").get("id").asLong()).isEqualTo(unitId("S002"));
        assertThat(after.get("arbitrated").asBoolean()).isTrue();
        JsonNode last = after.get("timeline").get(after.get("timeline").size() - 1);
        assertThat(last.get("actor").asText()).isEqualTo("system:arbitration");
        assertThat(last.get("detail").asText()).contains("fallback owner");
    }
}
