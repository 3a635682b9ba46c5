package org.onegrid.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Volunteer points, in words: a volunteer earns by the activity's rule once the organiser confirms
 * the time; a check-in with a wrong or expired code is refused; points cannot be redeemed past
 * the balance or the stock; fifty redemptions at once of the last ten items give exactly ten,
 * and the ledger, in double entry, sums to every balance; entries are never changed.
 */
class VolunteerPointsTest extends ApiTest {

    private static final String COMMUNITY = "320706001001";
    private static final String ORGANISER = "h-c001001";
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Volunteers volunteers;

    private static String phone() {
        return String.format("1770%07d", PHONES.incrementAndGet());
    }

    /**
     * Registers a volunteer (through the service: the public endpoint is limited per address, and
     * is walked once below); returns "number:password" to sign in with.
     */
    private String volunteer(String name) {
        Volunteers.Volunteer v = volunteers.register(new Volunteers.NewVolunteer(name, phone(), COMMUNITY, "volunteer-pass"));
        return v.number() + ":volunteer-pass";
    }

    private long volunteerId(String login) {
        return http().get("/api/volunteering/me", login).body().get("volunteer").get("id").asLong();
    }

    private long activity(Instant starts, Instant ends, int capacity) {
        Response r = http().post("/api/volunteering/activities", ORGANISER, """
                {"communityCode":"%s","title":"小区环境清洁","place":"朝阳社区党群服务中心","startsAt":"%s","endsAt":"%s",
                 "capacity":%d,"pointsPerHour":1,"maxHours":2}""".formatted(COMMUNITY, starts, ends, capacity));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private String merchant() {
        Response r = http().post("/api/volunteering/merchants", ORGANISER, """
                {"name":"朝阳便民超市","communityCode":"%s","address":"朝阳路1号","password":"merchant-pass"}""".formatted(COMMUNITY));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("username").asText() + ":merchant-pass";
    }

    private long reward(String merchant, int price, int stock) {
        Response r = http().post("/api/volunteering/rewards", merchant,
                "{\"title\":\"洗衣液一瓶\",\"pointsPrice\":" + price + ",\"stock\":" + stock + "}");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private void credit(long volunteerId, int points) {
        assertThat(http().post("/api/volunteering/volunteers/" + volunteerId + "/corrections", ORGANISER,
                "{\"amount\":" + points + ",\"reason\":\"补录上月服务时长\"}").status()).isEqualTo(201);
    }

    @Test
    void aVolunteerEarnsByTheRuleOnceTheOrganiserConfirmsAndAWrongOrExpiredCodeIsRefused() {
        String volunteer = volunteer("李志愿");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = activity(now.minus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS), 20);
        assertThat(http().post("/api/volunteering/activities", "gridworker", """
                {"communityCode":"%s","title":"x","place":"x","startsAt":"%s","endsAt":"%s","capacity":1,"pointsPerHour":1,"maxHours":1}"""
                .formatted(COMMUNITY, now, now.plusSeconds(60))).status()).as("not the community's staff").isEqualTo(403);

        assertThat(http().post("/api/volunteering/activities/" + id + "/sign-up", volunteer, null).status()).isEqualTo(201);
        assertThat(http().post("/api/volunteering/activities/" + id + "/sign-up", volunteer, null).status()).isEqualTo(409);
        assertThat(http().post("/api/volunteering/activities/" + id + "/check-in", volunteer, "{\"code\":\"123456\"}").status())
                .as("no code shown yet").isEqualTo(422);

        String code = http().post("/api/volunteering/activities/" + id + "/code", ORGANISER, null).body().get("code").asText();
        String wrong = code.equals("000000") ? "111111" : "000000";
        Response refused = http().post("/api/volunteering/activities/" + id + "/check-in", volunteer, "{\"code\":\"" + wrong + "\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("code");
        jdbc.sql("UPDATE activity SET check_code_until = now() - interval '1 second' WHERE id = ?").param(id).update();
        assertThat(http().post("/api/volunteering/activities/" + id + "/check-in", volunteer, "{\"code\":\"" + code + "\"}")
                .body().toString()).as("expired").contains("expired");

        code = http().post("/api/volunteering/activities/" + id + "/code", ORGANISER, null).body().get("code").asText();
        assertThat(http().post("/api/volunteering/activities/" + id + "/check-in", volunteer, "{\"code\":\"" + code + "\"}").status())
                .isEqualTo(200);
        assertThat(http().post("/api/volunteering/activities/" + id + "/check-out", volunteer, "{\"code\":\"" + code + "\"}").status())
                .isEqualTo(200);
        long vid = volunteerId(volunteer);
        // Three hours stated by the organiser, at most two counted, one point an hour.
        Response confirmed = http().post("/api/volunteering/activities/" + id + "/confirm", ORGANISER,
                "{\"volunteerId\":" + vid + ",\"minutes\":180}");
        assertThat(confirmed.status()).as(String.valueOf(confirmed.body())).isEqualTo(200);
        assertThat(confirmed.body().get("points").asInt()).isEqualTo(2);
        assertThat(http().post("/api/volunteering/activities/" + id + "/confirm", ORGANISER, "{\"volunteerId\":" + vid + "}")
                .status()).as("confirmed once").isEqualTo(409);
        JsonNode me = http().get("/api/volunteering/me", volunteer).body();
        assertThat(me.get("balance").asInt()).isEqualTo(2);
        assertThat(me.get("entries").get(0).get("kind").asText()).isEqualTo("EARNED");
    }

    @Test
    void pointsCannotBeRedeemedPastTheBalanceOrTheStockAndARetryRedeemsOnce() {
        String volunteer = volunteer("王志愿");
        long vid = volunteerId(volunteer);
        String merchant = merchant();
        long dear = reward(merchant, 10, 5);
        long cheap = reward(merchant, 2, 1);
        credit(vid, 5);
        Response tooDear = http().post("/api/volunteering/rewards/" + dear + "/redeem", volunteer, null);
        assertThat(tooDear.status()).isEqualTo(409);
        assertThat(tooDear.body().toString()).contains("balance");

        Response first = http().post("/api/volunteering/rewards/" + cheap + "/redeem", volunteer, null, "Idempotency-Key", "r-1");
        assertThat(first.status()).isEqualTo(201);
        Response again = http().post("/api/volunteering/rewards/" + cheap + "/redeem", volunteer, null, "Idempotency-Key", "r-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(http().post("/api/volunteering/rewards/" + dear + "/redeem", volunteer, null, "Idempotency-Key", "r-1").status())
                .as("a key used for another reward").isEqualTo(422);
        assertThat(http().post("/api/volunteering/rewards/" + cheap + "/redeem", volunteer, null).status())
                .as("out of stock").isEqualTo(409);
        assertThat(http().get("/api/volunteering/me", volunteer).body().get("balance").asInt()).isEqualTo(3);
        assertThat(http().post("/api/volunteering/volunteers/" + vid + "/corrections", ORGANISER,
                "{\"amount\":-4,\"reason\":\"误记\"}").status()).as("not below zero").isEqualTo(409);

        String code = first.body().get("code").asText();
        assertThat(http().post("/api/volunteering/redemptions/" + code + "/honour", merchant, null).status()).isEqualTo(200);
        assertThat(http().post("/api/volunteering/redemptions/" + code + "/honour", merchant, null).status()).isEqualTo(409);
    }

    @Test
    void fiftyRedemptionsAtOnceOfTheLastTenItemsGiveExactlyTenAndTheLedgerSumsToEveryBalance() throws Exception {
        String merchant = merchant();
        long reward = reward(merchant, 3, 10);
        List<String> logins = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String login = volunteer("并发志愿者" + i);
            logins.add(login);
            ids.add(volunteerId(login));
            credit(ids.get(i), 5);
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String login : logins) {
            answers.add(pool.submit(() -> http().post("/api/volunteering/rewards/" + reward + "/redeem", login, null).status()));
        }
        int made = 0;
        int refused = 0;
        for (Future<Integer> a : answers) {
            int status = a.get();
            made += status == 201 ? 1 : 0;
            refused += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(made).isEqualTo(10);
        assertThat(refused).isEqualTo(40);
        assertThat(jdbc.sql("SELECT stock FROM reward WHERE id = ?").param(reward).query(Integer.class).single()).isZero();

        int redeemed = 0;
        for (int i = 0; i < 50; i++) {
            int balance = http().get("/api/volunteering/me", logins.get(i)).body().get("balance").asInt();
            int sum = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM points_entry WHERE account = ?").param("V:" + ids.get(i))
                    .query(Integer.class).single();
            assertThat(balance).isEqualTo(sum).isIn(5, 2);
            redeemed += balance == 2 ? 1 : 0;
        }
        assertThat(redeemed).isEqualTo(10);
        assertThat(jdbc.sql("SELECT coalesce(sum(amount), 0) FROM points_entry").query(Long.class).single())
                .as("double entry: every movement sums to zero").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM points_entry e JOIN merchant m ON e.account = 'M:' || m.id "
                + "WHERE m.username = ?").param(merchant.split(":")[0]).query(Long.class).single())
                .isEqualTo(10);
    }

    @Test
    void ledgerEntriesAreNeverChangedAndResidentsAccountsOpenNothingElse() {
        String volunteer = volunteer("赵志愿");
        credit(volunteerId(volunteer), 1);
        assertThatThrownBy(() -> jdbc.sql("UPDATE points_entry SET amount = 100").update()).hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM points_entry").update()).hasMessageContaining("never changed");
        assertThat(http().get("/api/cases", volunteer).status()).isEqualTo(403);
        assertThat(http().get("/api/grids", volunteer).status()).isEqualTo(403);
        assertThat(http().get("/api/volunteering/me", volunteer).status()).isEqualTo(200);
        assertThat(http().get("/api/volunteering/me", "dispatcher").status()).as("not a volunteer").isEqualTo(403);
        String phone = phone();
        Response registered = http().post("/api/public/volunteers", null, """
                {"name":"钱志愿","phone":"%s","communityCode":"%s","password":"volunteer-pass"}""".formatted(phone, COMMUNITY));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        assertThat(registered.body().get("number").asText()).matches("v[0-9]{6}");
        assertThat(http().get("/api/volunteering/me", registered.body().get("number").asText() + ":volunteer-pass").status())
                .isEqualTo(200);
        Response duplicate = http().post("/api/public/volunteers", null, """
                {"name":"钱志愿","phone":"%s","communityCode":"%s","password":"volunteer-pass"}""".formatted(phone, COMMUNITY));
        assertThat(duplicate.status()).isEqualTo(409);
        Response bad = http().post("/api/public/volunteers", null,
                "{\"name\":\"\",\"phone\":\"12345\",\"communityCode\":\"320706001\",\"password\":\"short\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).contains("name", "phone", "communityCode", "password");
    }
}
