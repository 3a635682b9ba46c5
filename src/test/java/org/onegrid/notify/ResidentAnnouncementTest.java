package org.onegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.onegrid.support.RegisterSheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An announcement to the residents of a grid (通知公告到户): with {@code residents}, one SMS goes to
 * each phone the register holds there (two members sharing a phone get one), none to a phone of
 * another grid, and the announcement says how many phones it reached without naming them.
 */
class ResidentAnnouncementTest extends ApiTest {

    private static final String GRID = "320706001002004";

    @Autowired
    JdbcClient jdbc;

    private void member(long household, String name, long n, String phone, String relation) {
        Response r = http().post("/api/households/" + household + "/members", "h-c001002", """
                {"name":"%s","idNumber":"%s","phone":"%s","relation":"%s","residence":"BOTH"}"""
                .formatted(name, RegisterSheets.idNumber("440101", n), phone, relation));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    }

    @Test
    void anAnnouncementReachesEveryRegisteredPhoneOfTheGridOnce() {
        long n = System.nanoTime() % 5000;
        String shared = String.format("1350%07d", n);
        String own = String.format("1351%07d", n);
        long home = http().post("/api/households", "h-c001002", "{\"gridCode\":\"" + GRID + "\",\"address\":\"公告路1号\"}")
                .body().get("id").asLong();
        member(home, "吴大伯", n, shared, "HEAD");
        member(home, "吴大妈", n + 1, shared, "SPOUSE");
        long next = http().post("/api/households", "h-c001002", "{\"gridCode\":\"" + GRID + "\",\"address\":\"公告路3号\"}")
                .body().get("id").asLong();
        member(next, "郑阿姨", n + 2, own, "HEAD");

        Response sent = http().post("/api/broadcasts", "dispatcher", """
                {"regionCode":"%s","title":"停水通知","body":"明日9时至17时检修供水管道，请提前储水。","reason":"供水公司检修","residents":true}"""
                .formatted(GRID));
        assertThat(sent.status()).as(String.valueOf(sent.body())).isIn(200, 201);
        JsonNode b = sent.body();
        assertThat(b.get("residents").asInt()).as("phones, each once").isGreaterThanOrEqualTo(2);
        assertThat(b.toString()).doesNotContain(shared).doesNotContain(own);
        List<String> to = jdbc.sql("SELECT address FROM notification WHERE dedupe_key LIKE ? AND channel = 'SMS'")
                .param("BROADCAST:" + b.get("id").asLong() + ":%").query(String.class).list();
        assertThat(to).contains(shared, own);
        assertThat(to.stream().filter(shared::equals).count()).isEqualTo(1);

        Response elsewhere = http().post("/api/broadcasts", "dispatcher", """
                {"regionCode":"320706001003","title":"x","body":"y","reason":"z","residents":true}""");
        List<String> other = jdbc.sql("SELECT address FROM notification WHERE dedupe_key LIKE ? AND channel = 'SMS'")
                .param("BROADCAST:" + elsewhere.body().get("id").asLong() + ":%").query(String.class).list();
        assertThat(other).doesNotContain(shared, own);
        Response staffOnly = http().post("/api/broadcasts", "dispatcher", """
                {"regionCode":"%s","title":"x","body":"y","reason":"z"}""".formatted(GRID));
        assertThat(staffOnly.body().get("residents").asInt()).as("residents only when asked").isZero();
    }
}
