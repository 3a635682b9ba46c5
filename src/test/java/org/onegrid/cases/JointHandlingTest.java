package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The street blows the whistle, departments report, in words: only the street office of the
 * case's street summons; co-handlers see the case, report in once with their part and cannot
 * resolve it; the case resolves only when the lead unit resolves it; late report-ins are listed.
 */
class JointHandlingTest extends ApiTest {

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseTransitions cases;
    @Autowired
    DirectoryService directory;

    @Test
    void theStreetSummonsTheLeadRunsAndOnlyTheLeadResolves() {
        long id = http().post("/api/cases", "agent", newCaseJson("违建多部门", "0103")).body().get("id").asLong();
        long lead = unitId("S001-URBAN_MANAGEMENT");
        long housing = unitId("S001-HOUSING");
        long planning = unitId("D-NATURAL_RESOURCES");
        assertThat(act(id, "dispatch", "dispatcher", "{}").body().get("ownerUnit").get("id").asLong()).isEqualTo(lead);
        assertThat(act(id, "accept", "h-s001-urban_management", "{}").status()).isEqualTo(200);
        String whistle = "{\"unitId\":" + lead + ",\"coHandlerUnitIds\":[" + housing + "," + planning + "]}";

        // Only the street office of the case's own street may blow the whistle.
        assertThat(act(id, "whistle", "h-s001-housing", whistle).status()).isEqualTo(403);
        assertThat(act(id, "whistle", "h-s002", whistle).status()).isEqualTo(404); // not even in its scope
        JsonNode summoned = act(id, "whistle", "h-s001", whistle).body();
        assertThat(summoned.get("state").asText()).isEqualTo("ACCEPTED"); // the lead already had it
        assertThat(summoned.get("coHandlers").findValuesAsText("unitId"))
                .containsExactlyInAnyOrder(String.valueOf(housing), String.valueOf(planning));
        assertThat(summoned.get("coHandlers").get(0).get("overdue").asBoolean()).isFalse();

        // A district co-handler now sees the case, reports in once, and cannot resolve it.
        assertThat(http().get("/api/cases/" + id, "h-d-natural_resources").status()).isEqualTo(200);
        assertThat(act(id, "resolve", "h-d-natural_resources", "{\"result\":\"我来办结\"}").status()).isEqualTo(403);
        JsonNode reported = act(id, "report-in", "h-d-natural_resources", "{\"result\":\"已核实用地性质\"}").body();
        assertThat(reported.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(act(id, "report-in", "h-d-natural_resources", "{\"result\":\"再报一次\"}").status()).isEqualTo(409);
        // A unit of the same street sees the case but was not summoned.
        assertThat(act(id, "report-in", "h-s001-civil_affairs", "{\"result\":\"不请自来\"}").status()).isEqualTo(403);

        JsonNode resolved = act(id, "resolve", "h-s001-urban_management", "{\"result\":\"联合执法拆除完毕\"}").body();
        assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
        JsonNode planningPart = List.of(resolved.get("coHandlers").get(0), resolved.get("coHandlers").get(1)).stream()
                .filter(h -> h.get("unitId").asLong() == planning).findFirst().orElseThrow();
        assertThat(planningPart.get("report").asText()).isEqualTo("已核实用地性质");
    }

    @Test
    void aWhistleCanHandTheCaseToANewLeadAndLateReportInsAreListed() {
        StaffMember agent = directory.staffByUsername("agent").orElseThrow();
        StaffMember dispatcher = directory.staffByUsername("dispatcher").orElseThrow();
        StaffMember streetOffice = directory.staffByUsername("h-s001").orElseThrow();
        Instant fiveDaysAgo = Instant.now().minus(Duration.ofDays(5));
        long id = intake.receiveAt(new NewCase(Channel.HOTLINE_12345, "占道经营", "多部门", 34.5555, 119.1355, null, "0106",
                null, null), agent, null, fiveDaysAgo).details().id();
        cases.performAt(id, CaseAction.DISPATCH, ActionRequest.EMPTY, dispatcher, fiveDaysAgo.plusSeconds(600));
        long market = unitId("S001-MARKET_REGULATION");
        long office = unitId("S001");
        CaseDetails after = cases.performAt(id, CaseAction.WHISTLE, ActionRequest.whistle(office, List.of(market)),
                streetOffice, fiveDaysAgo.plusSeconds(1200));
        assertThat(after.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(after.ownerUnit().id()).isEqualTo(office);

        JsonNode late = http().get("/api/cases/overdue-report-ins", "dispatcher").body();
        assertThat(late.findValuesAsText("caseId")).contains(String.valueOf(id));
        assertThat(http().get("/api/cases/" + id, "dispatcher").body().get("coHandlers").get(0).get("overdue").asBoolean())
                .isTrue();
    }
}
