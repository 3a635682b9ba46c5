package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/**
 * 小事不出格, in words: a matter the grid owns stays with the grid's team, which settles it on the
 * grid's 2-working-day clock counted from receipt; a grid worker settles only in their own grids
 * and only what the grid owns; what the team cannot settle goes one level up; a team does not
 * check its own work. (gridworker serves the four grids of 朝阳社区, 320706001001001-004.)
 */
class GridLevelHandlingTest extends ApiTest {

    /** A point in 朝阳社区第1网格, and one in 建设社区 (not gridworker's). */
    private static final String OWN_GRID = "\"lat\":34.5555,\"lng\":119.1355";
    private static final String OTHER_GRID = "\"lat\":34.5555,\"lng\":119.1555";

    private static String onTheSpot(String where, String category, String result) {
        return """
                {"title":"楼道堆放杂物","description":"3号楼2单元楼道堆放纸箱","categoryCode":%s,%s,"result":%s}
                """.formatted(category == null ? "null" : "\"" + category + "\"", where,
                result == null ? "null" : "\"" + result + "\"");
    }

    private Response settle(String body, String key) {
        return http().post("/api/cases/on-the-spot", "gridworker", body, "Idempotency-Key", key);
    }

    private String workingDaysFrom(String from, int days) {
        return http().get("/api/calendar/deadline?from=" + from.replace("+", "%2B") + "&workingDays=" + days, "agent")
                .body().get("due").asText();
    }

    @Test
    void aMatterSettledOnTheSpotIsResolvedByTheGridTeamWithinTwoWorkingDaysOfReceipt() {
        Response settled = settle(onTheSpot(OWN_GRID, "0112", "已劝导住户清理，楼道已畅通"), UUID.randomUUID().toString());
        assertThat(settled.status()).as(String.valueOf(settled.body())).isEqualTo(201);
        JsonNode c = settled.body();
        assertThat(c.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(c.get("ownerUnit").get("id").asLong()).isEqualTo(unitId("G001001001"));
        String receivedAt = c.get("receivedAt").asText();
        assertThat(c.get("handlingDueAt").asText()).isEqualTo(workingDaysFrom(receivedAt, 2));
        assertThat(OffsetDateTime.parse(c.get("resolvedAt").asText()))
                .isBeforeOrEqualTo(OffsetDateTime.parse(c.get("handlingDueAt").asText()));
        assertThat(c.get("timeline")).extracting(e -> e.get("action").asText())
                .containsExactly("receive", "dispatch", "accept", "resolve");
        assertThat(c.get("timeline").get(3).get("actor").asText()).isEqualTo("gridworker");
    }

    @Test
    void aRetriedSettlementRecordsNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = onTheSpot(OWN_GRID, "0113", "已联系车主挪车");
        long first = settle(body, key).body().get("id").asLong();
        Response again = settle(body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body().get("id").asLong()).isEqualTo(first);
        assertThat(again.body().get("timeline")).hasSize(4);
    }

    @Test
    void aGridWorkerCannotSettleOutsideTheirGrids() {
        Response refused = settle(onTheSpot(OTHER_GRID, "0112", "已清理"), UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).contains("own grids");
    }

    @Test
    void onlyAMatterTheGridOwnsIsSettledOnTheSpotAndTheResultIsRequired() {
        Response notTheGrids = settle(onTheSpot(OWN_GRID, "0103", "已拆除"), UUID.randomUUID().toString());
        assertThat(notTheGrids.status()).isEqualTo(400);
        assertThat(notTheGrids.body().toString()).contains("categoryCode").contains("not a matter the grid settles itself");
        Response noResult = settle(onTheSpot(OWN_GRID, "0112", null), UUID.randomUUID().toString());
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.body().toString()).contains("result");
        Response notAGridWorker = http().post("/api/cases/on-the-spot", "agent", onTheSpot(OWN_GRID, "0112", "已清理"));
        assertThat(notAGridWorker.status()).isEqualTo(403);
    }

    @Test
    void aMatterAGridWorkerReportsGoesStraightToTheTeamAndAHotlineCallIsRoutedThere() {
        Response reported = http().post("/api/cases", "gridworker", """
                {"channel":"GRID_WORKER","title":"独居老人需要探访","description":"5号楼独居老人近日未出门",%s,"categoryCode":"1102"}
                """.formatted(OWN_GRID));
        assertThat(reported.body().get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(reported.body().get("ownerUnit").get("id").asLong()).isEqualTo(unitId("G001001001"));

        long call = http().post("/api/cases", "agent", newCaseJson("电动车楼道充电", "0303")).body().get("id").asLong();
        JsonNode routed = act(call, "dispatch", "dispatcher", "{}").body();
        assertThat(routed.get("ownerUnit").get("id").asLong()).isEqualTo(unitId("G001001001"));
        assertThat(routed.get("timeline").get(1).get("detail").asText()).contains("GRID");
        JsonNode accepted = act(call, "accept", "gridworker", "{}").body();
        assertThat(accepted.get("state").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void whatTheGridCannotSettleGoesOneLevelUpWithAReason() {
        long id = http().post("/api/cases", "gridworker", """
                {"channel":"GRID_WORKER","title":"楼道堆放建筑垃圾","description":"装修垃圾堆满楼道，住户拒不清理",%s,"categoryCode":"0112"}
                """.formatted(OWN_GRID)).body().get("id").asLong();
        act(id, "accept", "gridworker", "{}");
        Response escalated = act(id, "escalate", "gridworker", "{\"reason\":\"住户拒不配合，需社区协调\"}");
        assertThat(escalated.status()).as(String.valueOf(escalated.body())).isEqualTo(200);
        assertThat(escalated.body().get("ownerUnit").get("id").asLong()).isEqualTo(unitId("C001001"));
        // Now it is the community's: the grid worker no longer owns it.
        assertThat(act(id, "accept", "gridworker", "{}").status()).isEqualTo(403);
    }

    @Test
    void aGridTeamDoesNotCheckItsOwnWork() {
        long id = settle(onTheSpot(OWN_GRID, "0112", "已清理"), UUID.randomUUID().toString()).body().get("id").asLong();
        Response self = act(id, "verify", "gridworker", "{\"passed\":true}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.body().get("detail").asText()).contains("own work");
        assertThat(act(id, "verify", "dispatcher", "{\"passed\":true}").body().get("state").asText()).isEqualTo("VERIFIED");
    }
}
