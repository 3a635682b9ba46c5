package org.onegrid.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/** Every client mistake is a 4xx problem document that names the field and the reason. */
class ProblemDocumentTest extends ApiTest {

    private static void assertProblem(Response r, int status, String field) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("status").asInt()).isEqualTo(status);
        assertThat(r.body().get("title").asText()).isNotBlank();
        assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL");
        if (field != null) {
            assertThat(r.body().get("errors").findValuesAsText("field")).contains(field);
            assertThat(r.body().get("errors").get(0).get("reason").asText()).isNotBlank();
        }
    }

    private Response intake(String json) {
        return http().post("/api/cases", "agent", json);
    }

    @Test
    void malformedJson() {
        assertProblem(intake("{\"channel\": \"HOTLINE_12345\", "), 400, "body");
        assertProblem(intake("[1,2]"), 400, "body");
        assertProblem(intake(""), 400, "body");
    }

    @Test
    void invalidUtf8() {
        byte[] bad = "{\"channel\":\"HOTLINE_12345\",\"title\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        Response r = http().postBytes("/api/cases", "agent", bad);
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void wrongTypes() {
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"lat\":\"north\",\"lng\":119.1}"),
                400, "lat");
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":{\"a\":1},\"description\":\"d\",\"address\":\"x\"}"),
                400, "title");
        assertProblem(http().get("/api/cases/abc", "agent"), 400, "id");
        assertProblem(http().get("/api/cases?page=x", "agent"), 400, "page");
        assertProblem(http().get("/api/cases?size=100000", "agent"), 400, "size");
    }

    @Test
    void unknownEnumValues() {
        assertProblem(intake("{\"channel\":\"PIGEON\",\"title\":\"t\",\"description\":\"d\",\"address\":\"x\"}"), 400, "channel");
        assertProblem(http().get("/api/cases?state=SLEEPING", "agent"), 400, "state");
        assertProblem(http().post("/api/cases/1/teleport", "dispatcher", "{}"), 400, "action");
    }

    @Test
    void coordinatesOutOfRangeOrHalfGiven() {
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"lat\":91,\"lng\":119.1}"),
                400, "lat");
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"lat\":34.5,\"lng\":1e308}"),
                400, "lng");
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"lat\":34.5}"), 400, "lng");
        assertProblem(http().get("/api/grids/locate?lat=95&lng=10", "agent"), 400, "lat");
    }

    @Test
    void emptyAndOverlongText() {
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"  \",\"description\":\"d\",\"address\":\"x\"}"),
                400, "title");
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"" + "长".repeat(4001)
                + "\",\"address\":\"x\"}"), 400, "description");
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\"}"), 400, "lat");
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"address\":\"x\","
                + "\"reporterPhone\":\"<script>\"}"), 400, "reporterPhone");
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"address\":\"x\","
                + "\"categoryCode\":\"9999\"}"), 400, "categoryCode");
    }

    @Test
    void transitionBodiesAreValidated() {
        long id = intake(newCaseJson("校验", null)).body().get("id").asLong();
        assertProblem(http().post("/api/cases/" + id + "/dispatch", "dispatcher", "{\"unitId\":987654}"), 400, "unitId");
        assertProblem(http().post("/api/cases/" + id + "/void", "dispatcher", "{\"reason\":\"\"}"), 400, "reason");
        assertProblem(http().post("/api/cases/" + id + "/rate", "agent", "{\"stars\":9}"), 400, "stars");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"channel\":\"HOTLINE_12345\",\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(intake(big), 413, "body");
    }

    @Test
    void unknownIdsAre404() {
        assertProblem(http().get("/api/cases/987654321", "agent"), 404, null);
        assertProblem(http().post("/api/cases/987654321/accept", "handler", "{}"), 404, null);
        assertProblem(http().get("/api/units/987654", "agent"), 404, null);
        assertProblem(http().get("/api/grids/320706999", "agent"), 404, null);
        assertProblem(http().get("/api/no-such-thing", "agent"), 404, null);
    }

    @Test
    void missingOrWrongCredentialsAre401() {
        Response none = http().get("/api/cases", null);
        assertProblem(none, 401, null);
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(http().get("/api/cases", "agent:wrong-password"), 401, null);
        assertProblem(http().get("/api/cases", "nobody:demo"), 401, null);
    }

    @Test
    void illegalTransitionIs409WithTheCurrentState() {
        long id = intake(newCaseJson("非法流转", null)).body().get("id").asLong();
        Response r = http().post("/api/cases/" + id + "/close", "dispatcher", "{}");
        assertProblem(r, 409, null);
        assertThat(r.body().get("currentState").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void aPointOutsideTheDistrictIs422OnIntakeAnd404OnLocate() {
        assertProblem(intake("{\"channel\":\"HOTLINE_12345\",\"title\":\"t\",\"description\":\"d\",\"lat\":39.9,\"lng\":116.4}"),
                422, "lat");
        assertProblem(http().get("/api/grids/locate?lat=39.9&lng=116.4", "agent"), 404, null);
    }

    @Test
    void administrativeChangesNeedTheAdministrator() {
        assertProblem(http().put("/api/calendar/years/2027", "dispatcher", "{\"year\":2027}"), 403, null);
    }
}
