package org.onegrid.gridwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/**
 * Grid work, in words: a patrol keeps its track and ends with a summary; what is found on the way
 * becomes a case where it was found; a failed inspection item opens a case at the place; a cadre
 * checks in only for their own shift and only near the compound; a matter settled in the grid on
 * time counts on the grid worker's scorecard and in the street's ranking; residents see their
 * grid's team. (gridworker serves 朝阳社区's grids 320706001001001-004; 34.5555, 119.1355 lies in
 * the first.)
 */
class GridWorkTest extends ApiTest {

    private static final double LAT = 34.5555;
    private static final double LNG = 119.1355;

    private long startPatrol() {
        Response open = http().get("/api/patrols/open", "gridworker");
        if (open.status() == 200) {
            http().post("/api/patrols/" + open.body().get("id").asLong() + "/end", "gridworker", "{}");
        }
        Response started = http().post("/api/patrols", "gridworker", "{\"lat\":%s,\"lng\":%s}".formatted(LAT, LNG),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(201);
        return started.body().get("id").asLong();
    }

    private static String at(Instant at, double lat, double lng) {
        return "{\"at\":\"%s\",\"lat\":%s,\"lng\":%s}".formatted(at, lat, lng);
    }

    @Test
    void aPatrolKeepsItsTrackIgnoresResentPositionsAndEndsWithASummary() {
        long id = startPatrol();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String positions = "{\"positions\":[" + at(now.plusSeconds(30), LAT + 0.0005, LNG) + ","
                + at(now.plusSeconds(60), LAT + 0.0010, LNG) + "]}";
        JsonNode tracked = http().post("/api/patrols/" + id + "/track", "gridworker", positions).body();
        assertThat(tracked.get("points").asInt()).isEqualTo(3);
        long distance = tracked.get("distanceMeters").asLong();
        assertThat(distance).isBetween(100L, 125L);
        JsonNode again = http().post("/api/patrols/" + id + "/track", "gridworker", positions).body();
        assertThat(again.get("points").asInt()).as("a resend adds nothing").isEqualTo(3);
        assertThat(again.get("distanceMeters").asLong()).isEqualTo(distance);

        Response ended = http().post("/api/patrols/" + id + "/end", "gridworker", "{\"summary\":\"巡查幸福路一带，无异常\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body().get("endedAt").isNull()).isFalse();
        assertThat(ended.body().get("summary").asText()).isEqualTo("巡查幸福路一带，无异常");
        assertThat(http().post("/api/patrols/" + id + "/end", "gridworker", "{}").body().get("summary").asText())
                .as("ending again changes nothing").isEqualTo("巡查幸福路一带，无异常");
        Response late = http().post("/api/patrols/" + id + "/track", "gridworker",
                "{\"positions\":[" + at(now.plusSeconds(120), LAT, LNG) + "]}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("type").asText()).endsWith("patrol-ended");
    }

    @Test
    void onlyOnePatrolIsOpenAtATimeAndOnlyItsWalkerAddsToIt() {
        long id = startPatrol();
        Response second = http().post("/api/patrols", "gridworker", "{}", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("patrolId").asLong()).isEqualTo(id);
        Response stranger = http().post("/api/patrols/" + id + "/end", "dispatcher", "{}");
        assertThat(stranger.status()).isEqualTo(403);
        Response badPoint = http().post("/api/patrols/" + id + "/track", "gridworker", "{\"positions\":[{\"lat\":91,\"lng\":0}]}");
        assertThat(badPoint.status()).isEqualTo(400);
        assertThat(badPoint.body().toString()).contains("positions[0].lat");
        http().post("/api/patrols/" + id + "/end", "gridworker", "{}");
    }

    @Test
    void aPatrolFindingBecomesACaseLocatedAtTheFindingsPosition() {
        long id = startPatrol();
        double lat = 34.5551;
        double lng = 119.1349;
        String key = UUID.randomUUID().toString();
        String finding = """
                {"title":"井盖缺失","description":"人行道井盖缺失，已设警示","lat":%s,"lng":%s}""".formatted(lat, lng);
        Response found = http().post("/api/patrols/" + id + "/findings", "gridworker", finding, "Idempotency-Key", key);
        assertThat(found.status()).as(String.valueOf(found.body())).isEqualTo(201);
        JsonNode c = found.body();
        assertThat(c.get("lat").asDouble()).isEqualTo(lat);
        assertThat(c.get("lng").asDouble()).isEqualTo(lng);
        assertThat(c.get("gridCode").asText()).isEqualTo("320706001001001");
        assertThat(c.get("channel").asText()).isEqualTo("GRID_WORKER");
        Response replay = http().post("/api/patrols/" + id + "/findings", "gridworker", finding, "Idempotency-Key", key);
        assertThat(replay.body().get("id").asLong()).isEqualTo(c.get("id").asLong());

        Response settled = http().post("/api/patrols/" + id + "/findings", "gridworker", """
                {"title":"楼道堆物","description":"5号楼楼道堆放杂物","lat":%s,"lng":%s,"categoryCode":"0112",
                 "result":"已劝导清理"}""".formatted(lat, lng), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(settled.body().get("state").asText()).isEqualTo("RESOLVED");

        JsonNode patrol = http().post("/api/patrols/" + id + "/end", "gridworker", "{\"summary\":\"发现两处\"}").body();
        assertThat(patrol.get("findings")).hasSize(2);
        assertThat(patrol.get("findings").get(0).get("caseCode").asText()).isEqualTo(c.get("code").asText());
        assertThat(patrol.get("settled").asInt()).isEqualTo(1);
        assertThat(patrol.get("track")).anySatisfy(p -> assertThat(p.get("lat").asDouble()).isEqualTo(lat));
    }

    @Test
    void aFailedInspectionItemOpensACaseAtThePlace() {
        Response checklist = http().post("/api/checklists", "admin", """
                {"name":"沿街商铺消防检查（测试）","placeKind":"SHOP","items":["灭火器在有效期内","安全出口畅通","无违规住人"]}""");
        assertThat(checklist.status()).as(String.valueOf(checklist.body())).isEqualTo(201);
        long checklistId = checklist.body().get("id").asLong();
        assertThat(http().post("/api/checklists", "gridworker", "{\"name\":\"x\",\"placeKind\":\"SHOP\",\"items\":[\"a\"]}")
                .status()).isEqualTo(403);

        String incomplete = """
                {"checklistId":%d,"placeName":"幸福路12号便利店","lat":%s,"lng":%s,
                 "results":[{"item":1,"passed":true},{"item":2,"passed":false}]}""".formatted(checklistId, LAT, LNG);
        Response refused = http().post("/api/inspections", "gridworker", incomplete);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("results[1].note").contains("3 items");

        String body = """
                {"checklistId":%d,"placeName":"幸福路12号便利店","lat":%s,"lng":%s,
                 "results":[{"item":1,"passed":true},{"item":2,"passed":false,"note":"后门被货物堵塞"},{"item":3,"passed":true}]}
                """.formatted(checklistId, LAT, LNG);
        String key = UUID.randomUUID().toString();
        Response done = http().post("/api/inspections", "gridworker", body, "Idempotency-Key", key);
        assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(201);
        assertThat(done.body().get("failed").asInt()).isEqualTo(1);
        JsonNode failedItem = done.body().get("items").get(1);
        assertThat(failedItem.get("passed").asBoolean()).isFalse();
        JsonNode c = http().get("/api/cases/" + failedItem.get("caseId").asLong(), "dispatcher").body();
        assertThat(c.get("channel").asText()).isEqualTo("INSPECTION");
        assertThat(c.get("title").asText()).isEqualTo("幸福路12号便利店：安全出口畅通");
        assertThat(c.get("lat").asDouble()).isEqualTo(LAT);
        assertThat(done.body().get("items").get(0).get("caseId").isNull()).isTrue();
        Response again = http().post("/api/inspections", "gridworker", body, "Idempotency-Key", key);
        assertThat(again.body().get("id").asLong()).isEqualTo(done.body().get("id").asLong());
    }

    @Test
    void aCadreChecksInOnlyForTheirOwnShiftAndOnlyNearTheCompound() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String compound = "320706001001001-9" + (System.nanoTime() % 10);
        assertThat(http().post("/api/compounds", "admin", """
                {"code":"%s","name":"测试小区","lat":%s,"lng":%s}""".formatted(compound, LAT, LNG)).status()).isEqualTo(201);
        Response outside = http().post("/api/compounds", "admin", """
                {"code":"320706001001001-98","name":"界外小区","lat":34.5555,"lng":119.1555}""");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body().toString()).contains("must lie in grid");
        long unit = unitId("D-URBAN_MANAGEMENT");
        long cadre = staff("cadre-a" + suffix, unit);
        long other = staff("cadre-b" + suffix, unit);
        Response posting = http().post("/api/cadre-postings", "admin", """
                {"staffId":%d,"placeCode":"%s","from":"2026-01-01","to":"2027-12-31"}""".formatted(cadre, compound));
        assertThat(posting.status()).as(String.valueOf(posting.body())).isEqualTo(201);
        Instant now = Instant.now();
        long shift = http().post("/api/cadre-postings/" + posting.body().get("id").asLong() + "/shifts", "admin", """
                {"startsAt":"%s","endsAt":"%s"}""".formatted(now.minusSeconds(600), now.plusSeconds(7200)))
                .body().get("id").asLong();

        String near = "{\"lat\":34.5560,\"lng\":119.1355}";
        Response notTheirs = http().post("/api/duty-shifts/" + shift + "/check-in", "cadre-b" + suffix + ":demo-password-1", near);
        assertThat(notTheirs.status()).isEqualTo(403);
        Response far = http().post("/api/duty-shifts/" + shift + "/check-in", "cadre-a" + suffix + ":demo-password-1",
                "{\"lat\":34.5655,\"lng\":119.1355}");
        assertThat(far.status()).isEqualTo(422);
        assertThat(far.body().toString()).contains("lat").contains("within 300 m");
        Response checkedIn = http().post("/api/duty-shifts/" + shift + "/check-in", "cadre-a" + suffix + ":demo-password-1", near);
        assertThat(checkedIn.status()).as(String.valueOf(checkedIn.body())).isEqualTo(200);
        assertThat(checkedIn.body().get("checkInDistanceMeters").asLong()).isBetween(50L, 60L);
        Response logged = http().post("/api/duty-shifts/" + shift + "/log", "cadre-a" + suffix + ":demo-password-1",
                "{\"log\":\"走访独居老人2户\"}");
        assertThat(logged.body().get("log").asText()).isEqualTo("走访独居老人2户");
        assertThat(other).isNotEqualTo(cadre);

        JsonNode counts = http().get("/api/duty/counts?month=" + YearMonth.now(ZoneId.of("Asia/Shanghai")), "admin").body();
        assertThat(counts.get("byPlace")).anySatisfy(c -> {
            assertThat(c.get("key").asText()).isEqualTo(compound);
            assertThat(c.get("checkedIn").asLong()).isGreaterThanOrEqualTo(1);
        });
    }

    private long staff(String username, long unit) {
        Response created = http().post("/api/staff", "admin", """
                {"username":"%s","displayName":"测试干部","role":"UNIT_HANDLER","unitId":%d,"password":"demo-password-1"}
                """.formatted(username, unit));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    @Test
    void aMatterSettledInTheGridOnTimeCountsOnTheScorecardAndInTheStreetsRanking() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode before = http().get("/api/scorecards/gridworker?month=" + month, "gridworker").body();
        Response settled = http().post("/api/cases/on-the-spot", "gridworker", """
                {"title":"电动车楼道充电","description":"2号楼楼道飞线充电","lat":%s,"lng":%s,"categoryCode":"0303",
                 "result":"已劝导拆除飞线，引导至充电桩"}""".formatted(LAT, LNG), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(settled.status()).as(String.valueOf(settled.body())).isEqualTo(201);
        JsonNode after = http().get("/api/scorecards/gridworker?month=" + month, "gridworker").body();
        assertThat(after.get("settledInGrid").asLong()).isEqualTo(before.get("settledInGrid").asLong() + 1);
        assertThat(after.get("settledOnTime").asLong()).isEqualTo(before.get("settledOnTime").asLong() + 1);
        assertThat(after.get("points").asLong()).isEqualTo(before.get("points").asLong() + 3);

        assertThat(http().get("/api/scorecards/dispatcher?month=" + month, "gridworker").status()).isEqualTo(403);
        assertThat(http().get("/api/scorecards/gridworker?month=2026-13", "gridworker").status()).isEqualTo(400);
        JsonNode ranking = http().get("/api/scorecards?street=320706001&month=" + month, "dispatcher").body();
        assertThat(ranking).anySatisfy(r -> {
            assertThat(r.get("scorecard").get("username").asText()).isEqualTo("gridworker");
            assertThat(r.get("scorecard").get("points").asLong()).isEqualTo(after.get("points").asLong());
        });
        for (int i = 1; i < ranking.size(); i++) {
            assertThat(ranking.get(i).get("scorecard").get("points").asLong())
                    .isLessThanOrEqualTo(ranking.get(i - 1).get("scorecard").get("points").asLong());
        }
    }

    @Test
    void residentsSeeTheirGridsTeamWithPublishedContactsButNoAccountNames() {
        Response team = http().get("/api/public/grids/320706001001001/team", null);
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body().get("posts")).isNotEmpty();
        assertThat(team.body().toString()).doesNotContain("username").doesNotContain("\"gridworker\"");
        assertThat(http().get("/api/public/grids/999/team", null).status()).isEqualTo(404);
    }

    @Test
    void aCaseLocatedToABuildingTakesItsPointAndGridAndMustLieInTheGridOfItsPoint() {
        String building = "320706001001001-01-02";
        Response placed = http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"楼顶漏水","description":"2号楼顶层漏水","placeCode":"%s"}
                """.formatted(building));
        assertThat(placed.status()).as(String.valueOf(placed.body())).isEqualTo(201);
        assertThat(placed.body().get("placeCode").asText()).isEqualTo(building);
        assertThat(placed.body().get("gridCode").asText()).isEqualTo("320706001001001");
        JsonNode compound = http().get("/api/compounds?under=320706001001001", "agent").body().get(0);
        JsonNode b = compound.get("buildings").get(1);
        assertThat(b.get("code").asText()).isEqualTo(building);
        assertThat(placed.body().get("lat").asDouble()).isEqualTo(b.get("lat").asDouble());

        Response unknown = http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"楼顶漏水","description":"顶层漏水","placeCode":"320706001001001-77-01"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("placeCode");
        Response elsewhere = http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"楼顶漏水","description":"顶层漏水","placeCode":"%s","lat":34.5555,"lng":119.1555}
                """.formatted(building));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().toString()).contains("another grid");
    }
}
