package org.onegrid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/**
 * A case finds its owner from its category and location, keeps the explanation on its
 * timeline, and gets its level's clock on the escalation ladder.
 */
class RoutingApiTest extends ApiTest {

    /** A case in 朝阳社区 (community 320706001001), dispatched by the routing rules. */
    private JsonNode routed(String categoryCode) {
        long id = http().post("/api/cases", "agent", newCaseJson("路由测试", categoryCode)).body().get("id").asLong();
        Response dispatched = http().post("/api/cases/" + id + "/dispatch", "dispatcher", "{}");
        assertThat(dispatched.status()).as(String.valueOf(dispatched.body())).isEqualTo(200);
        return dispatched.body();
    }

    private String handlerOf(JsonNode c) {
        long unit = c.get("ownerUnit").get("id").asLong();
        for (JsonNode u : http().get("/api/units", "admin").body()) {
            if (u.get("id").asLong() == unit) {
                String code = u.get("code").asText();
                return code.equals("D-URBAN_MANAGEMENT") ? "handler" : "h-" + code.toLowerCase();
            }
        }
        throw new AssertionError("no unit " + unit);
    }

    private String workingDaysFrom(String from, int days) {
        return http().get("/api/calendar/deadline?from=" + from.replace("+", "%2B") + "&workingDays=" + days, "agent")
                .body().get("due").asText();
    }

    @Test
    void aCommunityMatterGoesToTheCommunityCommitteeWithTheRuleOnTheTimeline() {
        JsonNode c = routed("1501"); // neighbour dispute: owned from the community up
        assertThat(c.get("ownerUnit").get("id").asLong()).isEqualTo(unitId("C001001"));
        JsonNode dispatch = c.get("timeline").get(1);
        assertThat(dispatch.get("detail").asText()).contains("routing: category 1501").contains("COMMUNITY")
                .contains("320706001001");
    }

    @Test
    void aStreetMatterGoesToTheStreetDepartmentOfItsLine() {
        JsonNode c = routed("0103"); // illegal structure: owned from the street up
        assertThat(c.get("ownerUnit").get("id").asLong()).isEqualTo(unitId("S001-URBAN_MANAGEMENT"));
    }

    @Test
    void theCommunityHasTwoWorkingDaysWhateverTheCategoryAllows() {
        JsonNode c = routed("1101"); // assistance: 3 working days in the catalogue
        Response accepted = http().post("/api/cases/" + c.get("id").asLong() + "/accept", handlerOf(c), "{}");
        String acceptedAt = accepted.body().get("timeline").get(2).get("at").asText();
        assertThat(accepted.body().get("dueAt").asText()).isEqualTo(workingDaysFrom(acceptedAt, 2));
    }

    @Test
    void theStreetHasThreeWorkingDays() {
        JsonNode c = routed("0103"); // illegal structure: 15 working days in the catalogue
        Response accepted = http().post("/api/cases/" + c.get("id").asLong() + "/accept", handlerOf(c), "{}");
        String acceptedAt = accepted.body().get("timeline").get(2).get("at").asText();
        assertThat(accepted.body().get("dueAt").asText()).isEqualTo(workingDaysFrom(acceptedAt, 3));
    }

    @Test
    void aStreetHoldingADistrictMatterReportsItUpWithinOneWorkingDay() {
        long id = http().post("/api/cases", "agent", newCaseJson("井盖缺失", "0109")).body().get("id").asLong();
        http().post("/api/cases/" + id + "/dispatch", "dispatcher", "{\"unitId\":" + unitId("S001") + "}");
        Response accepted = http().post("/api/cases/" + id + "/accept", "h-s001", "{}");
        String acceptedAt = accepted.body().get("timeline").get(2).get("at").asText();
        assertThat(accepted.body().get("dueAt").asText()).isEqualTo(workingDaysFrom(acceptedAt, 1));
        // Escalating without naming a unit finds the owner one level up: the district department.
        Response escalated = http().post("/api/cases/" + id + "/escalate", "h-s001", "{\"reason\":\"超出街道职权\"}");
        assertThat(escalated.body().get("ownerUnit").get("id").asLong()).isEqualTo(unitId("D-URBAN_MANAGEMENT"));
        assertThat(escalated.body().get("timeline").get(3).get("detail").asText()).contains("DISTRICT");
        // The district has the category's own limit: 4 working hours.
        Response atDistrict = http().post("/api/cases/" + id + "/accept", "handler", "{}");
        OffsetDateTime districtAccepted = OffsetDateTime.parse(atDistrict.body().get("timeline").get(4).get("at").asText());
        String fourHours = http().get("/api/calendar/deadline?from=" + districtAccepted.toString().replace("+", "%2B")
                + "&workingHours=4", "agent").body().get("due").asText();
        assertThat(OffsetDateTime.parse(atDistrict.body().get("dueAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(fourHours).toInstant());
    }

    @Test
    void escalationFromTheCommunityGoesToTheStreetDepartmentOfTheLine() {
        JsonNode c = routed("1101");
        long id = c.get("id").asLong();
        http().post("/api/cases/" + id + "/accept", handlerOf(c), "{}");
        Response escalated = http().post("/api/cases/" + id + "/escalate", handlerOf(c), "{\"reason\":\"需街道救助\"}");
        assertThat(escalated.body().get("ownerUnit").get("id").asLong()).isEqualTo(unitId("S001-CIVIL_AFFAIRS"));
    }

    @Test
    void aCaseNoRuleCanPlaceGoesToTheArbitrationQueue() {
        long id = http().post("/api/cases", "agent", newCaseJson("无类别", null)).body().get("id").asLong();
        Response r = http().post("/api/cases/" + id + "/dispatch", "dispatcher", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("state").asText()).isEqualTo("RECEIVED");
        assertThat(r.body().get("arbitrationDueAt").asText()).isEqualTo(r.body().get("dueAt").asText());
        assertThat(http().get("/api/cases/arbitration", "dispatcher").body().findValuesAsText("id"))
                .contains(String.valueOf(id));
    }
}
