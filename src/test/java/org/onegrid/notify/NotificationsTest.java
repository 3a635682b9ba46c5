package org.onegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/**
 * Notifications, in words, against a real SMTP server in the JVM (GreenMail) and a real HTTP
 * server standing in for the SMS gateway: the resident hears of receipt and resolution by SMS with
 * the tracking code; the unit a case is sent to is told in-app and by email; the grid worker is
 * told to check a result on site, the unit to rework a failed one, the dispatchers of a case
 * returned; a gateway that fails twice and then succeeds yields one delivery, every try under
 * the same message id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsTest extends ApiTest {

    /** What the gateway stand-in accepted: one entry per delivery it took. */
    private final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> triesByKey = new ConcurrentHashMap<>();
    /** Phones whose first two tries the gateway refuses. */
    private static final String FLAKY_PHONE = "13900000002";

    private GreenMail smtp;
    private HttpServer gateway;

    @BeforeAll
    void startServers() throws IOException {
        smtp = new GreenMail(new ServerSetup(3925, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        gateway = HttpServer.create(new InetSocketAddress("localhost", 18925), 0);
        gateway.createContext("/sms", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            int tries = triesByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            int status;
            if (FLAKY_PHONE.equals(body.get("to").asText()) && tries <= 2) {
                status = 503;
            } else if (delivered.stream().anyMatch(d -> d.get("messageId").asLong() == body.get("messageId").asLong())) {
                status = 200; // a repeat of a message already taken: not sent again
            } else {
                delivered.add(body);
                status = 200;
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
    }

    @AfterAll
    void stopServers() {
        if (gateway != null) {
            gateway.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static void eventually(String what, BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within 20 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private List<JsonNode> smsTo(String phone, String template) {
        return delivered.stream().filter(d -> d.get("to").asText().equals(phone) && d.get("template").asText().equals(template))
                .toList();
    }

    private JsonNode report(String phone) {
        Response created = http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"小区路灯不亮","description":"3号楼前路灯两晚不亮","lat":34.5555,"lng":119.1355,
                 "categoryCode":"0101","reporterName":"王女士","reporterPhone":"%s"}""".formatted(phone));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body();
    }

    @Test
    void theResidentHearsOfReceiptWithTheTrackingCodeAndOfTheResultBySms() {
        String phone = "13900000001";
        JsonNode c = report(phone);
        String code = c.get("code").asText();
        eventually("the receipt SMS", () -> !smsTo(phone, "onegrid.RECEIVED").isEmpty());
        assertThat(smsTo(phone, "onegrid.RECEIVED").get(0).get("text").asText()).contains(code).contains("/public/track?code=" + code);

        long id = c.get("id").asLong();
        assertThat(act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}").status()).isEqualTo(200);
        assertThat(act(id, "accept", "handler", "{}").status()).isEqualTo(200);
        assertThat(act(id, "resolve", "handler", "{\"result\":\"已更换灯泡，路灯恢复照明\"}").status()).isEqualTo(200);
        eventually("the resolution SMS", () -> !smsTo(phone, "onegrid.RESOLVED").isEmpty());
        assertThat(smsTo(phone, "onegrid.RESOLVED").get(0).get("text").asText()).contains(code).contains("已更换灯泡");
        assertThat(smsTo(phone, "onegrid.RECEIVED")).as("sent once").hasSize(1);

        // The grid worker of the case's grid is told to check it; a failed check tells the unit to rework it.
        eventually("the grid worker's task", () -> inApp("gridworker", code, "TO_VERIFY"));
        assertThat(act(id, "verify", "gridworker", "{\"passed\":false,\"note\":\"路灯仍不亮\"}").status()).isEqualTo(200);
        eventually("the unit's rework", () -> inApp("handler", code, "REWORK"));
    }

    @Test
    void theResidentHearsTheCaseWasSentToItsUnitAndThatTheRatingIsOpenOnceTheSiteCheckPassed() {
        String phone = "13900000016";
        JsonNode c = report(phone);
        String code = c.get("code").asText();
        long id = c.get("id").asLong();
        assertThat(act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}").status()).isEqualTo(200);
        eventually("the dispatch SMS", () -> !smsTo(phone, "onegrid.DISPATCHED").isEmpty());
        assertThat(smsTo(phone, "onegrid.DISPATCHED").get(0).get("text").asText()).contains(code).contains("承办单位");
        assertThat(act(id, "accept", "handler", "{}").status()).isEqualTo(200);
        assertThat(act(id, "resolve", "handler", "{\"result\":\"已修复\"}").status()).isEqualTo(200);
        assertThat(act(id, "verify", "gridworker", "{\"passed\":true,\"note\":\"现场已恢复\"}").status()).isEqualTo(200);
        eventually("the rating SMS", () -> !smsTo(phone, "onegrid.RATING_OPEN").isEmpty());
        assertThat(smsTo(phone, "onegrid.RATING_OPEN").get(0).get("text").asText()).contains(code).contains("评价")
                .contains("/public/track?code=" + code);
        assertThat(smsTo(phone, "onegrid.DISPATCHED")).as("only the first dispatch").hasSize(1);
    }

    @Test
    void unitsSummonedByTheWhistleAreToldOnceAndRemindedOfTheirReportIn() {
        long id = http().post("/api/cases", "agent", newCaseJson("违建多部门协同", "0103")).body().get("id").asLong();
        long lead = unitId("S001-URBAN_MANAGEMENT");
        long housing = unitId("S001-HOUSING");
        long planning = unitId("D-NATURAL_RESOURCES");
        act(id, "dispatch", "dispatcher", "{}");
        act(id, "accept", "h-s001-urban_management", "{}");
        Response summoned = act(id, "whistle", "h-s001", "{\"unitId\":" + lead + ",\"coHandlerUnitIds\":[" + housing + "]}");
        assertThat(summoned.status()).as(String.valueOf(summoned.body())).isEqualTo(200);
        String code = summoned.body().get("code").asText();
        eventually("the summons", () -> inApp("h-s001-housing", code, "CO_HANDLING"));
        act(id, "whistle", "h-s001", "{\"unitId\":" + lead + ",\"coHandlerUnitIds\":[" + housing + "," + planning + "]}");
        eventually("the second unit's summons", () -> inApp("h-d-natural_resources", code, "CO_HANDLING"));
        assertThat(count("h-s001-housing", code, "CO_HANDLING")).as("once per case and unit").isEqualTo(1);

        outbox.remind(Duration.ofDays(30));
        outbox.remind(Duration.ofDays(30));
        assertThat(count("h-s001-housing", code, "REPORT_IN_DUE_SOON")).as("once per deadline").isEqualTo(1);
        assertThat(act(id, "report-in", "h-s001-housing", "{\"result\":\"已核查房屋产权\"}").status()).isEqualTo(200);
        assertThat(count("h-d-natural_resources", code, "REPORT_IN_DUE_SOON")).isEqualTo(1);

        // A report-in deadline that has just passed: the unit that has not reported in is told, urgently.
        jdbc.sql("UPDATE case_co_handler SET due_at = now() - interval '1 hour' WHERE case_id = ?").param(id).update();
        outbox.remind(Duration.ofHours(2));
        assertThat(count("h-d-natural_resources", code, "REPORT_IN_OVERDUE")).isEqualTo(1);
        assertThat(count("h-s001-housing", code, "REPORT_IN_OVERDUE")).as("it reported in").isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anUrgeAndEachDeadlineReachTheUnitAndALowRatingReopensItForTheResident() {
        String phone = "13900000017";
        JsonNode c = report(phone);
        String code = c.get("code").asText();
        long id = c.get("id").asLong();
        act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}");
        assertThat(act(id, "urge", "dispatcher", "{}").status()).isEqualTo(200);
        eventually("the urge", () -> inApp("handler", code, "URGED"));

        jdbc.sql("UPDATE cases SET due_at = now() - interval '1 hour' WHERE id = ?").param(id).update();
        outbox.remind(Duration.ofHours(2));
        assertThat(count("handler", code, "OVERDUE")).as("the sign-for deadline passed").isEqualTo(1);
        act(id, "accept", "handler", "{}");
        jdbc.sql("UPDATE cases SET due_at = now() + interval '1 hour' WHERE id = ?").param(id).update();
        outbox.remind(Duration.ofHours(2));
        assertThat(count("handler", code, "HANDLING_DUE_SOON")).isEqualTo(1);

        act(id, "resolve", "handler", "{\"result\":\"已更换灯泡\"}");
        act(id, "verify", "gridworker", "{\"passed\":true}");
        assertThat(act(id, "rate", "agent", "{\"stars\":1}").status()).isEqualTo(200);
        eventually("the reopening SMS", () -> !smsTo(phone, "onegrid.REOPENED").isEmpty());
        assertThat(smsTo(phone, "onegrid.REOPENED").get(0).get("text").asText()).contains(code).contains("重新办理");
        eventually("the unit's rework", () -> inApp("handler", code, "REWORK"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.onegrid.gridwork.Patrols patrols;

    @Test
    void gridWorkersWhoHaveNotPatrolledAreRemindedOnceOnAWorkingMorningAndNotOnAHoliday() {
        Instant nationalDay = java.time.LocalDate.of(2026, 10, 1).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(outbox.remindPatrolsAt(patrols, Duration.ofDays(2), nationalDay)).as("a holiday").isZero();
        Instant wednesday = java.time.LocalDate.of(2027, 1, 6).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(outbox.remindPatrolsAt(patrols, Duration.ofDays(2), wednesday)).isPositive();
        outbox.remindPatrolsAt(patrols, Duration.ofDays(2), wednesday);
        long reminders = 0;
        for (JsonNode n : http().get("/api/notifications?limit=200", "gridworker").body().get("items")) {
            if (n.get("event").asText().equals("PATROL_DUE") && n.get("createdAt").asText().startsWith("2027-01-06")) {
                reminders++;
                assertThat(n.get("body").asText()).contains("没有巡查");
            }
        }
        assertThat(reminders).as("once that day").isEqualTo(1);
        outbox.remindPatrolsAt(patrols, Duration.ofDays(36500), wednesday.plus(Duration.ofDays(1)));
        for (JsonNode n : http().get("/api/notifications?limit=200", "gridworker").body().get("items")) {
            assertThat(n.get("createdAt").asText()).as("patrolled within the gap: no reminder").doesNotStartWith("2027-01-07");
        }
    }

    @Test
    void aCaseReturnedByItsUnitIsToldToTheDispatchers() {
        JsonNode c = report("13900000004");
        long id = c.get("id").asLong();
        act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}");
        Response returned = act(id, "return", "handler", "{\"reason\":\"NOT_OUR_FUNCTION\",\"note\":\"不属于本单位职责\"}");
        assertThat(returned.status()).as(String.valueOf(returned.body())).isEqualTo(200);
        eventually("the dispatchers' notice", () -> inApp("dispatcher", c.get("code").asText(), "RETURNED"));
    }

    @Test
    void aCaseForAGridTeamIsToldToTheGridsWorkers() {
        Response routed = http().post("/api/cases", "agent", """
                {"channel":"HOTLINE_12345","title":"楼道堆放杂物","description":"5号楼楼道堆放纸箱","lat":34.5555,"lng":119.1355,
                 "categoryCode":"0112"}""");
        long id = routed.body().get("id").asLong();
        assertThat(act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("G001001001") + "}").status()).isEqualTo(200);
        eventually("the grid worker's new case", () -> inApp("gridworker", routed.body().get("code").asText(), "NEW_CASE"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    Outbox outbox;

    @Test
    void aUnitIsRemindedOnceOfADeadlineComingAndLeadersGetOneDigestADay() {
        JsonNode c = report("13900000005");
        String code = c.get("code").asText();
        act(c.get("id").asLong(), "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}");
        outbox.remind(Duration.ofDays(30));
        outbox.remind(Duration.ofDays(30));
        assertThat(count("handler", code, "SIGN_DUE_SOON")).as("once per deadline").isEqualTo(1);

        outbox.digest(new Outbox.DigestFigures(12, 9, 8.0 / 9, 0.843, 7));
        outbox.digest(new Outbox.DigestFigures(12, 9, 8.0 / 9, 0.843, 7));
        long digests = 0;
        for (JsonNode n : http().get("/api/notifications?limit=200", "district").body().get("items")) {
            if (n.get("event").asText().equals("DIGEST")) {
                digests++;
                assertThat(n.get("body").asText()).contains("昨日受理 12 件、办结 9 件，按时办结率 88.9%")
                        .contains("本月群众满意率 84.3%").contains("当前超期未办结 7 件");
            }
        }
        assertThat(digests).as("one a day").isEqualTo(1);
    }

    @Test
    void anAnnouncementReachesEveryoneServingTheCommunityWithItsAuthorAndReason() {
        Response refused = http().post("/api/broadcasts", "gridworker", """
                {"regionCode":"320706001001","title":"停水通知","body":"明日停水","reason":"管网检修"}""");
        assertThat(refused.status()).isEqualTo(403);
        Response missing = http().post("/api/broadcasts", "dispatcher", "{\"regionCode\":\"320706001001\",\"title\":\"停水通知\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().toString()).contains("reason").contains("body");
        Response sent = http().post("/api/broadcasts", "dispatcher", """
                {"regionCode":"320706001001","title":"明日停水通知","body":"朝阳社区明日8:00-17:00停水，请转告居民","reason":"供水管网检修"}""");
        assertThat(sent.status()).as(String.valueOf(sent.body())).isEqualTo(201);
        assertThat(sent.body().get("recipients").asInt()).isGreaterThan(1);
        for (String user : new String[] {"gridworker", "h-c001001"}) {
            boolean told = false;
            for (JsonNode n : http().get("/api/notifications?limit=200", user).body().get("items")) {
                told |= n.get("event").asText().equals("BROADCAST") && n.get("subject").asText().equals("明日停水通知")
                        && n.get("body").asText().contains("供水管网检修");
            }
            assertThat(told).as(user + " told").isTrue();
        }
        boolean elsewhere = false;
        for (JsonNode n : http().get("/api/notifications?limit=200", "gw-002001").body().get("items")) {
            elsewhere |= n.get("subject").asText().equals("明日停水通知");
        }
        assertThat(elsewhere).as("another street's grid worker").isFalse();
    }

    @Test
    void eachStaffMemberChoosesTheChannelsOfEachEvent() throws Exception {
        Response set = http().put("/api/me/contact", "leader", """
                {"email":"leader@haizhou.example","channels":["IN_APP","EMAIL"],"events":{"NEW_CASE":["IN_APP"]}}""");
        assertThat(set.status()).as(String.valueOf(set.body())).isEqualTo(200);
        assertThat(http().put("/api/me/contact", "leader", "{\"events\":{\"NOT_AN_EVENT\":[\"IN_APP\"]}}").status()).isEqualTo(400);
        JsonNode c = report("13900000006");
        String code = c.get("code").asText();
        long id = c.get("id").asLong();
        act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}");
        assertThat(act(id, "urge", "district", "{\"note\":\"请加快\"}").status()).isEqualTo(200);
        eventually("the leader's email of the urge", () -> mailTo("leader@haizhou.example", code).stream()
                .anyMatch(m -> subject(m).startsWith("催办")));
        eventually("the leader's bell of the new case", () -> inApp("leader", code, "NEW_CASE"));
        assertThat(mailTo("leader@haizhou.example", code)).as("no email of the new case: in-app only, as chosen")
                .noneMatch(m -> subject(m).startsWith("新派事项"));
    }

    private List<MimeMessage> mailTo(String address, String code) {
        return List.of(smtp.getReceivedMessages()).stream().filter(m -> subject(m).contains(code)).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void aResidentWhoOptsOutGetsNoMoreSms() throws Exception {
        String phone = "13900000007";
        JsonNode c = report(phone);
        String code = c.get("code").asText();
        eventually("the receipt SMS", () -> !smsTo(phone, "onegrid.RECEIVED").isEmpty());
        assertThat(http().post("/api/public/cases/" + code + "/sms-opt-out", null, "{\"phone\":\"1234\"}").status())
                .as("not their case").isEqualTo(404);
        assertThat(http().post("/api/public/cases/" + code + "/sms-opt-out", null, "{\"phone\":\"0007\"}").status()).isEqualTo(204);
        long id = c.get("id").asLong();
        act(id, "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}");
        act(id, "accept", "handler", "{}");
        assertThat(act(id, "resolve", "handler", "{\"result\":\"已处理\"}").status()).isEqualTo(200);
        eventually("the resolution folded", () -> inApp("gridworker", code, "TO_VERIFY"));
        Thread.sleep(1500);
        assertThat(smsTo(phone, "onegrid.RESOLVED")).as("no SMS after opting out").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.onegrid.gridwork.DutyRota duty;

    @Test
    void aCadreIsRemindedOnceOfAShiftComing() {
        outbox.remindShifts(duty, Duration.ofDays(30));
        assertThat(outbox.remindShifts(duty, Duration.ofDays(30))).as("each shift once").isZero();
        List<String> reminders = new java.util.ArrayList<>();
        for (JsonNode n : http().get("/api/notifications?limit=200", "cadre").body().get("items")) {
            if (n.get("event").asText().equals("SHIFT_SOON")) {
                reminders.add(n.get("subject").asText());
            }
        }
        assertThat(reminders).as("the demo cadre's coming Saturday shifts, each once").isNotEmpty().doesNotHaveDuplicates();
        assertThat(reminders.get(0)).contains("朝阳花园小区");
    }

    private long count(String user, String code, String event) {
        long n = 0;
        for (JsonNode item : http().get("/api/notifications?limit=200", user).body().get("items")) {
            if (code.equals(item.get("caseCode").asText()) && event.equals(item.get("event").asText())) {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code user}'s bell holds a notice of {@code event} about the case {@code code}. */
    private boolean inApp(String user, String code, String event) {
        for (JsonNode n : http().get("/api/notifications?limit=200", user).body().get("items")) {
            if (code.equals(n.get("caseCode").asText()) && event.equals(n.get("event").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aGatewayThatFailsTwiceThenSucceedsYieldsOneDeliveryUnderOneMessageId() {
        JsonNode c = report(FLAKY_PHONE);
        eventually("the receipt SMS after two refusals", () -> !smsTo(FLAKY_PHONE, "onegrid.RECEIVED").isEmpty());
        JsonNode sms = smsTo(FLAKY_PHONE, "onegrid.RECEIVED").get(0);
        assertThat(sms.get("text").asText()).contains(c.get("code").asText());
        String key = "onegrid-" + sms.get("messageId").asLong();
        assertThat(triesByKey.get(key).get()).isEqualTo(3);
        assertThat(smsTo(FLAKY_PHONE, "onegrid.RECEIVED")).hasSize(1);
    }

    @Test
    void theUnitACaseIsSentToIsToldInTheAppAndByEmail() throws Exception {
        Response contact = http().put("/api/me/contact", "handler", "{\"email\":\"handler@haizhou.example\",\"channels\":[\"IN_APP\",\"EMAIL\"]}");
        assertThat(contact.status()).as(String.valueOf(contact.body())).isEqualTo(200);
        assertThat(http().put("/api/me/contact", "handler", "{\"email\":\"not an address\"}").status()).isEqualTo(400);
        long before = http().get("/api/notifications", "handler").body().get("unread").asLong();

        JsonNode c = report("13900000003");
        String code = c.get("code").asText();
        act(c.get("id").asLong(), "dispatch", "dispatcher", "{\"unitId\":" + unitId("D-URBAN_MANAGEMENT") + "}");
        eventually("the email to the unit", () -> List.of(smtp.getReceivedMessages()).stream().anyMatch(m -> subject(m).contains(code)));
        MimeMessage mail = List.of(smtp.getReceivedMessages()).stream().filter(m -> subject(m).contains(code)).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("handler@haizhou.example");
        assertThat(subject(mail)).startsWith("新派事项");
        assertThat((String) mail.getContent()).contains("/cases/" + c.get("id").asLong());

        eventually("the bell", () -> http().get("/api/notifications", "handler").body().get("unread").asLong() > before);
        JsonNode mine = http().get("/api/notifications", "handler").body();
        JsonNode item = null;
        for (JsonNode n : mine.get("items")) {
            if (code.equals(n.get("caseCode").asText())) {
                item = n;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("channel").asText()).isEqualTo("IN_APP");
        http().post("/api/notifications/" + item.get("id").asLong() + "/read", "handler", null);
        assertThat(http().get("/api/notifications", "handler").body().get("unread").asLong())
                .isEqualTo(mine.get("unread").asLong() - 1);
        assertThat(http().get("/api/notifications/failed", "handler").status()).isEqualTo(403);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
