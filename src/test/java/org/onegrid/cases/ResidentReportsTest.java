package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/**
 * Residents report without an account, so their Idempotency-Keys cannot be scoped to an account:
 * each resident's keys are scoped to the phone they give, and a key reused with another body is
 * refused (422) instead of answering with the first report.
 */
class ResidentReportsTest extends ApiTest {

    /** Keys new to this run, whatever the database held before. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String SHARED = "shared-by-chance-" + RUN;
    private static final String RETRIED = "retried-" + RUN;
    private static final String STAFF = "staff-" + RUN;

    private static String report(String title, String phone) {
        return """
                {"title":"%s","description":"居民网上反映","lat":34.5555,"lng":119.1355,
                 "reporterName":"居民","reporterPhone":"%s"}
                """.formatted(title, phone);
    }

    private Response submit(String body, String key) {
        return http().post("/api/public/cases", null, body, "Idempotency-Key", key);
    }

    @Test
    void twoResidentsWhoHappenToSendTheSameKeyEachGetTheirOwnCase() {
        Response first = submit(report("楼道灯坏了", "13911110001"), SHARED);
        Response second = submit(report("井盖缺失", "13922220002"), SHARED);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("code").asText()).isNotEqualTo(first.body().get("code").asText());
        assertThat(second.body().get("title").asText()).isEqualTo("井盖缺失");
    }

    @Test
    void aRetryReturnsTheFirstCaseAndTheSameKeyWithAnotherReportIs422() {
        String body = report("路面积水", "13933330003");
        Response first = submit(body, RETRIED);
        Response retry = submit(body, RETRIED);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("code").asText()).isEqualTo(first.body().get("code").asText());

        Response other = submit(report("另一件事", "13933330003"), RETRIED);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.raw().body()).contains("Idempotency-Key");
    }

    @Test
    void staffReusingAKeyForAnotherCaseGet422() {
        Response first = http().post("/api/cases", "agent", newCaseJson("员工重试一", "0101"), "Idempotency-Key", STAFF);
        Response other = http().post("/api/cases", "agent", newCaseJson("员工重试二", "0101"), "Idempotency-Key", STAFF);
        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void theResidentIsOfferedTheRatingOnlyAfterTheSiteCheckTheCategoryNeeds() {
        Response created = http().post("/api/cases", "agent", newCaseJson("核查之后再评价", "0101")); // 0101 is checked on site
        long id = created.body().get("id").asLong();
        String code = created.body().get("code").asText();
        assertThat(act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("C001001") + "}").status()).isEqualTo(200);
        assertThat(act(id, "accept", "h-c001001", "{}").status()).isEqualTo(200);
        assertThat(act(id, "resolve", "h-c001001", "{\"result\":\"已清理\"}").status()).isEqualTo(200);

        Response resolved = http().get("/api/public/cases/" + code + "?phone=0000", null);
        assertThat(resolved.body().get("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.body().get("rateable").asBoolean()).isFalse();
        assertThat(http().post("/api/public/cases/" + code + "/rating", null, "{\"phone\":\"0000\",\"stars\":5}").status())
                .isEqualTo(409);

        assertThat(act(id, "verify", "dispatcher", "{\"passed\":true}").status()).isEqualTo(200);
        assertThat(http().get("/api/public/cases/" + code + "?phone=0000", null).body().get("rateable").asBoolean()).isTrue();
    }
}
