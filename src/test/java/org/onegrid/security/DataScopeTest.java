package org.onegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each role sees what its duty needs and nothing else; a case outside a user's scope answers
 * 404 exactly like an id that does not exist.
 */
class DataScopeTest extends ApiTest {

    /** Street 001 (新浦街道), community 001 (朝阳社区), grid 001: the grid of 'gridworker'. */
    private static final String IN_STREET_1 = """
            {"channel":"HOTLINE_12345","title":"范围测试一","description":"d","lat":34.5555,"lng":119.1355,
             "categoryCode":"0101","reporterName":"王先生","reporterPhone":"13812345678","address":"朝阳社区幸福路8号"}
            """;
    /** Street 002 (新海街道), community 001, grid 001. */
    private static final String IN_STREET_2 = """
            {"channel":"HOTLINE_12345","title":"范围测试二","description":"d","lat":34.570,"lng":119.135,
             "categoryCode":"0101","reporterName":"李女士","reporterPhone":"13987654321"}
            """;

    @Autowired
    JdbcClient jdbc;

    private long inStreet1;
    private long inStreet2;

    @BeforeEach
    void cases() {
        inStreet1 = http().post("/api/cases", "agent", IN_STREET_1).body().get("id").asLong();
        inStreet2 = http().post("/api/cases", "agent", IN_STREET_2).body().get("id").asLong();
        assertThat(http().get("/api/cases/" + inStreet2, "agent").body().get("gridCode").asText()).isEqualTo("320706002001001");
    }

    private int status(String user, long id) {
        return http().get("/api/cases/" + id, user).status();
    }

    @Test
    void theCommandCentreAndDistrictLeadersSeeEverything() {
        for (String user : new String[] {"agent", "dispatcher", "district", "admin"}) {
            assertThat(status(user, inStreet1)).as(user).isEqualTo(200);
            assertThat(status(user, inStreet2)).as(user).isEqualTo(200);
        }
    }

    @Test
    void aGridWorkerSeesOnlyTheCasesOfTheirGrids() {
        assertThat(status("gridworker", inStreet1)).isEqualTo(200);
        Response guessed = http().get("/api/cases/" + inStreet2, "gridworker");
        Response missing = http().get("/api/cases/987654321", "gridworker");
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(guessed.body().get("title").asText()).isEqualTo(missing.body().get("title").asText());
        JsonNode list = http().get("/api/cases?size=200", "gridworker").body();
        assertThat(list.get("total").asLong()).isPositive();
        list.get("items").forEach(c -> assertThat(c.get("gridCode").asText()).startsWith("320706001001"));
        // Nor may they act on it.
        assertThat(http().post("/api/cases/" + inStreet2 + "/urge", "gridworker", "{}").status()).isEqualTo(404);
    }

    @Test
    void aGridWorkerCannotReadTheLedgerTheSheetsOrTheStaffOfAnotherGrid() {
        assertThat(http().get("/api/assignment-sheets", "gridworker").status()).isEqualTo(403);
        assertThat(http().get("/api/assignment-sheets/my-items", "gridworker").status()).isEqualTo(403);
        assertThat(http().post("/api/exports", "gridworker", "{\"format\":\"CSV\"}").status()).isEqualTo(403);
        assertThat(http().get("/api/grids/320706001001001/staff", "gridworker").status()).isEqualTo(200);
        assertThat(http().get("/api/grids/320706002001001/staff", "gridworker").status()).isEqualTo(403);
        assertThat(http().get("/api/assignment-sheets", "dispatcher").status()).isEqualTo(200);
        assertThat(http().get("/api/grids/320706002001001/staff", "dispatcher").status()).isEqualTo(200);
    }

    @Test
    void aUnitSeesTheCasesThatAreOrWereItsOwn() {
        long unit = unitId("D-URBAN_MANAGEMENT");
        assertThat(status("handler", inStreet1)).isEqualTo(404); // not yet dispatched to it
        assertThat(http().post("/api/cases/" + inStreet1 + "/dispatch", "dispatcher", "{\"unitId\":" + unit + "}").status())
                .isEqualTo(200);
        assertThat(status("handler", inStreet1)).isEqualTo(200);
        assertThat(status("leader", inStreet1)).isEqualTo(200);
        assertThat(http().post("/api/cases/" + inStreet1 + "/return", "handler", "{\"reason\":\"NOT_OUR_FUNCTION\"}")
                .status()).isEqualTo(200);
        assertThat(status("handler", inStreet1)).isEqualTo(200); // was theirs: still visible
        JsonNode list = http().get("/api/cases?size=200", "handler").body();
        assertThat(list.get("items").findValuesAsText("id")).contains(String.valueOf(inStreet1));
        assertThat(list.get("items").findValuesAsText("id")).doesNotContain(String.valueOf(inStreet2));
    }

    @Test
    void aStreetOfficeSeesItsTerritoryAndACommunityItsOwn() {
        assertThat(status("h-s001", inStreet1)).isEqualTo(200);
        assertThat(status("h-s001", inStreet2)).isEqualTo(404);
        assertThat(status("h-s001-urban_management", inStreet1)).isEqualTo(200);
        assertThat(status("h-c001001", inStreet1)).isEqualTo(200);
        assertThat(status("h-c001002", inStreet1)).isEqualTo(404);
        JsonNode list = http().get("/api/cases?size=200", "h-s002").body();
        list.get("items").forEach(c -> assertThat(c.get("gridCode").asText()).startsWith("320706002"));
    }

    @Test
    void personalDataIsMaskedUnlessTheRoleNeedsItAndRevealingIsLogged() {
        JsonNode forAgent = http().get("/api/cases/" + inStreet1, "agent").body();
        assertThat(forAgent.get("reporterPhone").asText()).isEqualTo("13812345678");
        JsonNode forLeader = http().get("/api/cases/" + inStreet1, "district").body();
        assertThat(forLeader.get("reporterPhone").asText()).isEqualTo("138****5678");
        assertThat(forLeader.get("reporterName").asText()).isEqualTo("王**");
        assertThat(forLeader.get("address").asText()).doesNotContain("8号");
        JsonNode list = http().get("/api/cases?size=50", "gridworker").body();
        list.get("items").findValuesAsText("reporterPhone").forEach(p -> assertThat(p).contains("****"));

        assertThat(http().post("/api/cases/" + inStreet1 + "/reveal-reporter", "district", "{}").status()).isEqualTo(400);
        Response revealed = http().post("/api/cases/" + inStreet1 + "/reveal-reporter", "district",
                "{\"purpose\":\"督办回访，需联系来电人\"}");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body().get("phone").asText()).isEqualTo("13812345678");
        JsonNode log = http().get("/api/audit/personal-data-access?caseId=" + inStreet1, "admin").body();
        assertThat(log.get(0).get("actor").asText()).isEqualTo("district");
        assertThat(log.get(0).get("purpose").asText()).isEqualTo("督办回访，需联系来电人");
        // Out of scope: nothing to reveal, and nothing is logged.
        assertThat(http().post("/api/cases/" + inStreet2 + "/reveal-reporter", "gridworker", "{\"purpose\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(http().get("/api/audit/personal-data-access", "district").status()).isEqualTo(403);
    }

    @Test
    void administrativeChangesAreAuditedAndHistoryCannotBeEdited() {
        http().put("/api/calendar/years/2032", "admin", "{\"year\":2032,\"holidays\":[\"2032-10-01\"]}");
        JsonNode changes = http().get("/api/audit/changes?limit=20", "admin").body();
        assertThat(changes.findValuesAsText("action")).contains("calendar.year.put");
        for (String sql : new String[] {"UPDATE case_event SET note = 'x'", "DELETE FROM audit_log",
                "UPDATE personal_data_access SET purpose = 'x'"}) {
            try {
                jdbc.sql(sql).update();
                throw new AssertionError(sql + " was allowed");
            } catch (org.springframework.dao.DataAccessException refused) {
                assertThat(refused.getMessage()).contains("append-only");
            }
        }
    }
}
