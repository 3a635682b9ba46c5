package org.onegrid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;

/**
 * Duplicates, in words: reports of a related category, near each other in place and time, with
 * similar text, are offered; a distant or unrelated one is not; merging voids one case, links its
 * reporter to the case that stays, and its reporter still finds the case by their own code.
 */
class DuplicatesTest extends ApiTest {

    private long report(String title, String description, double lat, double lng, String category, String phone) {
        return http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"%s","description":"%s","lat":%s,"lng":%s,"categoryCode":"%s",
                 "reporterName":"报告人","reporterPhone":"%s"}
                """.formatted(title, description, lat, lng, category, phone)).body().get("id").asLong();
    }

    private List<String> candidateIds(long id) {
        return http().get("/api/cases/" + id + "/duplicates", "dispatcher").body().findValuesAsText("id");
    }

    @Test
    void nearbySimilarReportsAreOfferedAndMergedWithEveryReporterKept() {
        // Community 320706003004 of 新南街道: no other test reports there.
        long first = report("小区门口垃圾成堆", "小区东门垃圾堆积多日无人清运，气味很大", 34.5900, 119.2000, "0101", "13900000001");
        long near = report("东门口垃圾没人清", "小区东门垃圾堆积好几天了，没人清运", 34.59025, 119.2001, "0101", "13900000002");
        long far = report("小区门口垃圾成堆", "小区东门垃圾堆积多日无人清运，气味很大", 34.6080, 119.2000, "0101", "13900000003");
        long unrelated = report("邻居吵架", "楼上邻居深夜吵闹引发纠纷", 34.5900, 119.2000, "1501", "13900000004");
        long otherText = report("电线杆上贴满小广告", "电线杆和墙上贴满办证小广告", 34.5900, 119.2000, "0104", "13900000005");

        List<String> candidates = candidateIds(first);
        assertThat(candidates).contains(String.valueOf(near));
        assertThat(candidates).doesNotContain(String.valueOf(far), String.valueOf(unrelated), String.valueOf(otherText));
        JsonNode best = http().get("/api/cases/" + first + "/duplicates", "dispatcher").body().get(0);
        assertThat(best.get("distanceMeters").asLong()).isBetween(20L, 40L);
        assertThat(best.get("textSimilarity").asDouble()).isPositive();

        assertThat(act(near, "merge", "agent", "{\"intoCaseId\":" + near + "}").status()).isEqualTo(400);
        JsonNode merged = act(near, "merge", "agent", "{\"intoCaseId\":" + first + "}").body();
        assertThat(merged.get("state").asText()).isEqualTo("VOID");
        assertThat(merged.get("mergedInto").asLong()).isEqualTo(first);

        JsonNode kept = http().get("/api/cases/" + first, "agent").body();
        assertThat(kept.get("linkedReporters").get(0).get("phone").asText()).isEqualTo("13900000002");
        assertThat(kept.get("timeline").findValuesAsText("action")).contains("merge");
        assertThat(http().get("/api/cases/" + first, "district").body().get("linkedReporters").get(0).get("phone")
                .asText()).isEqualTo("139****0002");
        // The second reporter looks up their own code and is told about the case that stayed.
        String nearCode = merged.get("code").asText();
        JsonNode told = http().get("/api/public/cases/" + nearCode + "?phone=0002", null).body();
        assertThat(told.get("code").asText()).isEqualTo(kept.get("code").asText());
        assertThat(told.get("mergedFromYourCode").asText()).isEqualTo(nearCode);
        // A merged case is no longer anybody's duplicate.
        assertThat(candidateIds(first)).doesNotContain(String.valueOf(near));
    }

    @Test
    void aClosedCaseNearbyIsShownAsRelatedAndNotOfferedForMerging() {
        long closed = report("桥下垃圾堆放", "桥洞下面垃圾堆放很久", 34.6300, 119.2500, "0101", "13900000011");
        long unit = unitId("C001001");
        assertThat(act(closed, "dispatch", "dispatcher", "{\"unitId\":" + unit + "}").status()).isEqualTo(200);
        assertThat(act(closed, "accept", "h-c001001", "{}").status()).isEqualTo(200);
        assertThat(act(closed, "resolve", "h-c001001", "{\"result\":\"已清运\"}").status()).isEqualTo(200);
        assertThat(act(closed, "verify", "dispatcher", "{\"passed\":true}").status()).isEqualTo(200);
        assertThat(act(closed, "rate", "agent", "{\"stars\":5}").status()).isEqualTo(200);
        assertThat(act(closed, "close", "dispatcher", "{}").status()).isEqualTo(200);
        long call = report("桥下垃圾又堆起来了", "桥洞下面垃圾又堆放很久", 34.63005, 119.2500, "0101", "13900000012");

        JsonNode related = null;
        for (JsonNode candidate : http().get("/api/cases/" + call + "/duplicates", "dispatcher").body()) {
            if (candidate.get("id").asLong() == closed) {
                related = candidate;
            }
        }
        assertThat(related).as("the closed case among the candidates").isNotNull();
        assertThat(related.get("state").asText()).isEqualTo("CLOSED");
        assertThat(related.get("mergeable").asBoolean()).isFalse();
        assertThat(act(call, "merge", "agent", "{\"intoCaseId\":" + closed + "}").status()).isEqualTo(400);
    }

    @Test
    void anAdministratorNarrowsTheWindowOfACategory() {
        long a = report("井盖丢了", "路口井盖不见了很危险", 34.5930, 119.2050, "0109", "13900000011");
        long b = report("路口井盖丢失", "路口的井盖丢了很危险", 34.5932, 119.2050, "0109", "13900000012");
        assertThat(candidateIds(a)).contains(String.valueOf(b)); // about 22 m apart, emergency radius 500 m
        assertThat(http().put("/api/dispatch/duplicate-windows/0109", "dispatcher",
                "{\"radiusMeters\":10,\"windowHours\":24}").status()).isEqualTo(403);
        assertThat(http().put("/api/dispatch/duplicate-windows/0109", "admin",
                "{\"radiusMeters\":10,\"windowHours\":24}").status()).isEqualTo(200);
        assertThat(candidateIds(a)).doesNotContain(String.valueOf(b));
        assertThat(http().put("/api/dispatch/duplicate-windows/0109", "admin",
                "{\"radiusMeters\":0,\"windowHours\":24}").status()).isEqualTo(400);
    }

    @Test
    void distancesAndSimilarities() {
        assertThat(org.onegrid.grid.Distance.meters(34.59, 119.20, 34.59, 119.20)).isZero();
        assertThat(org.onegrid.grid.Distance.meters(34.59, 119.20, 34.60, 119.20)).isBetween(1110.0, 1115.0);
        assertThat(DuplicateDetection.jaccard(DuplicateDetection.bigrams("垃圾成堆"), DuplicateDetection.bigrams("垃圾成堆")))
                .isEqualTo(1.0);
        assertThat(DuplicateDetection.jaccard(DuplicateDetection.bigrams("垃圾成堆"), DuplicateDetection.bigrams("噪声扰民")))
                .isZero();
        assertThat(DuplicatePolicy.score(1.0, 0, 200)).isEqualTo(1.0);
        assertThat(DuplicatePolicy.score(0.0, 0, 200)).isLessThan(DuplicatePolicy.MIN_SCORE);
    }
}
