package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/** Intake and listing over HTTP. */
class IntakeApiTest extends ApiTest {

    @Test
    void intakeLocatesTheGridAndSetsTheDispatchDeadline() {
        Response created = http().post("/api/cases", "agent", newCaseJson("楼下有暴露垃圾", "0101"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.body();
        assertThat(c.get("state").asText()).isEqualTo("RECEIVED");
        assertThat(c.get("gridCode").asText()).isEqualTo("320706001001001");
        assertThat(c.get("code").asText()).matches("\\d{8}-\\d{6,}");
        assertThat(c.get("dueAt").asText()).endsWith("+08:00");
        assertThat(c.get("timeline").size()).isEqualTo(1);
        assertThat(created.header("Location")).isEqualTo("/api/cases/" + c.get("id").asLong());
        // Sent whole (platform.WholeBodyJsonConverter): its length up front, not in chunks.
        assertThat(created.header("Transfer-Encoding")).isNull();
        assertThat(created.header("Content-Length"))
                .isEqualTo(String.valueOf(created.raw().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        JsonNode read = http().get("/api/cases/" + c.get("id").asLong(), "dispatcher").body();
        assertThat(read.get("code").asText()).isEqualTo(c.get("code").asText());
        assertThat(read.get("lat").asDouble()).isEqualTo(34.5555);
        assertThat(read.get("lng").asDouble()).isEqualTo(119.1355);
        assertThat(read.get("categoryCode").asText()).isEqualTo("0101");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameCase() {
        String key = "call-" + System.nanoTime();
        Response first = http().post("/api/cases", "agent", newCaseJson("幂等测试", null), "Idempotency-Key", key);
        Response retry = http().post("/api/cases", "agent", newCaseJson("幂等测试", null), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        // Another key is another case.
        Response other = http().post("/api/cases", "agent", newCaseJson("幂等测试", null), "Idempotency-Key", key + "-2");
        assertThat(other.body().get("id").asLong()).isNotEqualTo(first.body().get("id").asLong());
    }

    @Test
    void anAddressWithoutCoordinatesIsAccepted() {
        Response created = http().post("/api/cases", "agent", """
                {"channel":"WALK_IN","title":"咨询社保","description":"来窗口咨询医保转移","address":"朝阳社区服务中心"}
                """);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("gridCode")).isNull();
    }

    @Test
    void listFiltersByStateUnitGridCategoryTimeAndOverdueWithPaging() {
        Response all = http().get("/api/cases?size=5", "dispatcher");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("items").size()).isEqualTo(5);
        assertThat(all.body().get("total").asLong()).isGreaterThan(5);
        assertThat(all.body().get("items").get(0).has("timeline")).isFalse();

        JsonNode closed = http().get("/api/cases?state=CLOSED&size=200", "dispatcher").body();
        closed.get("items").forEach(c -> assertThat(c.get("state").asText()).isEqualTo("CLOSED"));

        JsonNode inStreet = http().get("/api/cases?gridCode=320706001&size=200", "dispatcher").body();
        inStreet.get("items").forEach(c -> assertThat(c.get("gridCode").asText()).startsWith("320706001"));

        JsonNode category = http().get("/api/cases?categoryCode=01&size=200", "dispatcher").body();
        category.get("items").forEach(c -> assertThat(c.get("categoryCode").asText()).startsWith("01"));

        JsonNode overdue = http().get("/api/cases?overdue=true&size=200", "dispatcher").body();
        overdue.get("items").forEach(c -> assertThat(c.get("deadlineColour").asText()).isEqualTo("OVERDUE"));

        JsonNode future = http().get("/api/cases?from=2099-01-01T00:00:00%2B08:00", "dispatcher").body();
        assertThat(future.get("total").asLong()).isZero();

        JsonNode page0 = http().get("/api/cases?size=3&page=0", "dispatcher").body();
        JsonNode page1 = http().get("/api/cases?size=3&page=1", "dispatcher").body();
        assertThat(page1.get("items").get(0).get("id").asLong()).isNotEqualTo(page0.get("items").get(0).get("id").asLong());

        long unit = closed.get("items").get(0).get("ownerUnit").get("id").asLong();
        JsonNode byUnit = http().get("/api/cases?unitId=" + unit + "&size=200", "dispatcher").body();
        assertThat(byUnit.get("total").asLong()).isPositive();
        byUnit.get("items").forEach(c -> assertThat(c.get("ownerUnit").get("id").asLong()).isEqualTo(unit));
    }

    @Test
    void theDemoDistrictHasCasesInEveryState() {
        for (CaseState state : CaseState.values()) {
            assertThat(http().get("/api/cases?size=1&state=" + state, "dispatcher").body().get("total").asLong())
                    .as(state.name()).isPositive();
        }
    }

    @Test
    void aTitleIsStoredWithoutBidiOverridesAndOneWithAnEscapeCharacterIsRefused() {
        var hidden = http().post("/api/cases", "agent", newCaseJson("\u202e路灯不亮\u200b", "0101"));
        assertThat(hidden.status()).isEqualTo(201);
        assertThat(hidden.body().get("title").asText()).isEqualTo("路灯不亮");
        var escaped = http().post("/api/cases", "agent", newCaseJson("红色\u001b[31m", "0101"));
        assertThat(escaped.status()).isEqualTo(400);
        assertThat(escaped.raw().body()).contains("title");
    }

    @Test
    void staffFindACaseByItsCodeByTheCallersPhoneOrByWordsAndOnlyUnmaskedRolesMatchPhones() {
        String words = "搜索用词" + System.nanoTime();
        String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000L);
        var created = http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"%s","description":"按编号、电话或文字查找","lat":34.5555,"lng":119.1355,
                 "categoryCode":"0101","reporterPhone":"%s"}
                """.formatted(words, phone)).body();
        long id = created.get("id").asLong();
        for (String q : new String[] {created.get("code").asText(), phone, phone.substring(4), words}) {
            var found = http().get("/api/cases?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), "agent").body();
            assertThat(found.get("items").findValuesAsText("id")).as(q).contains(String.valueOf(id));
        }
        // A district leader sees the case but phones masked: the number is looked for as words, and does not find it.
        assertThat(http().get("/api/cases?q=" + phone, "district").body().get("total").asLong()).isZero();
        assertThat(http().get("/api/cases?q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8),
                "district").body().get("total").asLong()).isEqualTo(1);
        // Wildcards are taken literally.
        assertThat(http().get("/api/cases?q=%25%25_", "agent").status()).isEqualTo(200);
    }
}
