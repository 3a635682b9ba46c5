package org.onegrid.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every indicator against a small data set counted by hand: six cases of October 2024 in the
 * district urban management bureau (category 0104, 2 working days to handle; 2 working hours to
 * sign for), one across the National Day holiday (1-7 October, make-up working day Saturday
 * 12 October), one reopened twice, one returned, one never signed for, one merged away, one
 * extended. No other test or demo case lies in September or October 2024.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest extends ApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CATEGORY = "0104";

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseTransitions cases;
    @Autowired
    DirectoryService directory;
    @Autowired
    FigureFolder folder;

    private long unit;
    private long caseA;
    private long caseB;
    private long caseD;
    private long caseF;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private StaffMember staff(String username) {
        return directory.staffByUsername(username).orElseThrow();
    }

    private long receive(String when, String category) {
        return intake.receiveAt(new NewCase(Channel.HOTLINE_12345, "考核测试", "小区门口有人张贴小广告", 34.5555, 119.1355, null,
                category, "测试", "13800000000"), staff("agent"), null, at(when)).details().id();
    }

    private CaseDetails act(long id, CaseAction action, ActionRequest body, String user, String when) {
        return cases.performAt(id, action, body, staff(user), at(when));
    }

    private static ActionRequest to(long unitId) {
        return new ActionRequest(unitId, null, null, null, null, null, null, null);
    }

    private static ActionRequest result() {
        return new ActionRequest(null, null, "已清理", null, null, null, null, null);
    }

    private static ActionRequest verified(boolean passed) {
        return new ActionRequest(null, null, null, null, null, passed, null, null);
    }

    private static ActionRequest stars(int stars) {
        return new ActionRequest(null, null, null, stars, null, null, null, null);
    }

    @BeforeAll
    void recordOctober2024() {
        withdrawClassifiers();
        unit = unitId("D-URBAN_MANAGEMENT");
        // A: dispatched the evening before the holiday, signed for on a holiday, resolved, verified, rated 5.
        caseA = receive("2024-09-30T16:00", CATEGORY);
        CaseDetails a = act(caseA, CaseAction.DISPATCH, to(unit), "dispatcher", "2024-09-30T17:00");
        assertThat(a.dueAt().toInstant()).isEqualTo(at("2024-10-08T10:00")); // 1 h on 30 Sept, 1 h on 8 Oct
        a = act(caseA, CaseAction.ACCEPT, null, "handler", "2024-10-07T20:00");
        assertThat(a.handlingDueAt().toInstant()).isEqualTo(at("2024-10-09T18:00"));
        act(caseA, CaseAction.RESOLVE, result(), "handler", "2024-10-09T10:00");
        act(caseA, CaseAction.VERIFY, verified(true), "dispatcher", "2024-10-09T15:00");
        act(caseA, CaseAction.RATE, stars(5), "agent", "2024-10-12T10:00");

        // B: signed for late, resolved late, verification failed, resolved in time, rated 2: reopened and left open.
        caseB = receive("2024-10-14T09:00", CATEGORY);
        act(caseB, CaseAction.DISPATCH, to(unit), "dispatcher", "2024-10-14T09:10");
        CaseDetails b = act(caseB, CaseAction.ACCEPT, null, "handler", "2024-10-14T14:00");
        assertThat(b.handlingDueAt().toInstant()).isEqualTo(at("2024-10-16T18:00"));
        act(caseB, CaseAction.RESOLVE, result(), "handler", "2024-10-17T10:00");
        b = act(caseB, CaseAction.VERIFY, verified(false), "dispatcher", "2024-10-17T11:00");
        assertThat(b.handlingDueAt().toInstant()).isEqualTo(at("2024-10-21T18:00")); // Sat 19 Oct is no working day
        act(caseB, CaseAction.RESOLVE, result(), "handler", "2024-10-17T14:00");
        act(caseB, CaseAction.VERIFY, verified(true), "dispatcher", "2024-10-17T15:00");
        b = act(caseB, CaseAction.RATE, stars(2), "agent", "2024-10-17T16:00");
        assertThat(b.handlingDueAt().toInstant()).isEqualTo(at("2024-10-21T18:00"));

        // C: returned half an hour after dispatch, before its sign-for deadline.
        long caseC = receive("2024-10-15T10:00", CATEGORY);
        act(caseC, CaseAction.DISPATCH, to(unit), "dispatcher", "2024-10-15T10:05");
        act(caseC, CaseAction.RETURN, new ActionRequest(null, "NOT_OUR_FUNCTION", null, null, null, null, null, null),
                "handler", "2024-10-15T10:30");

        // D: never signed for.
        caseD = receive("2024-10-16T09:00", CATEGORY);
        act(caseD, CaseAction.DISPATCH, to(unit), "dispatcher", "2024-10-16T09:05");

        // E: recorded without a category, categorised, then merged into D as the same matter.
        long caseE = receive("2024-10-17T09:00", null);
        act(caseE, CaseAction.CATEGORISE, ActionRequest.categorise(CATEGORY, null), "dispatcher", "2024-10-17T09:30");
        act(caseE, CaseAction.MERGE, new ActionRequest(null, null, null, null, null, null, null, null, null, null, caseD,
                null), "dispatcher", "2024-10-17T10:00");

        // F: signed for in time, extended by 3 working days, resolved after the first deadline but before the new one.
        caseF = receive("2024-10-21T09:00", CATEGORY);
        act(caseF, CaseAction.DISPATCH, to(unit), "dispatcher", "2024-10-21T09:05");
        act(caseF, CaseAction.ACCEPT, null, "handler", "2024-10-21T09:30");
        act(caseF, CaseAction.REQUEST_EXTENSION, new ActionRequest(null, "需协调物业", null, null, null, null, null, 3),
                "handler", "2024-10-22T10:00");
        CaseDetails f = act(caseF, CaseAction.APPROVE_EXTENSION, null, "dispatcher", "2024-10-22T11:00");
        assertThat(f.handlingDueAt().toInstant()).isEqualTo(at("2024-10-28T18:00"));
        act(caseF, CaseAction.RESOLVE, result(), "handler", "2024-10-24T10:00");

        folder.foldAll();
    }

    /** Each count of October's row for {@code key} equals its drill-down's figure and the amounts it lists. */
    private void drillDownsAgree(String dimension, String key) {
        JsonNode row = null;
        for (JsonNode r : http().get("/api/assessment/figures?dimension=" + dimension + "&month=2024-10", "district")
                .body().get("rows")) {
            row = r.get("key").asText().equals(key) ? r : row;
        }
        assertThat(row).as("figures of %s %s", dimension, key).isNotNull();
        row.get("counts").fields().forEachRemaining(count -> {
            JsonNode drill = http().get("/api/assessment/cases?dimension=" + dimension + "&key=" + key + "&measure="
                    + count.getKey() + "&month=2024-10&size=500", "district").body();
            String what = dimension + " " + key + " " + count.getKey();
            assertThat(drill.get("figure").asLong()).as(what).isEqualTo(count.getValue().asLong());
            long listed = 0;
            for (JsonNode c : drill.get("cases")) {
                listed += c.get("amount").asLong();
            }
            assertThat(listed).as(what + " listed").isEqualTo(count.getValue().asLong());
        });
    }

    private JsonNode unitRow(String month) {
        JsonNode rows = http().get("/api/assessment/figures?dimension=unit&month=" + month, "district").body().get("rows");
        for (JsonNode row : rows) {
            if (row.get("key").asText().equals(String.valueOf(unit))) {
                return row;
            }
        }
        throw new AssertionError("no figures for unit " + unit + " in " + month + ": " + rows);
    }

    @Test
    void theUnitsOctoberFiguresAreTheHandCountedOnes() {
        JsonNode u = unitRow("2024-10");
        assertThat(u.get("name").asText()).isEqualTo("区城市管理局");
        assertThat(u.get("dispatched").asLong()).as("B, C, D, F").isEqualTo(4);
        assertThat(u.get("signedFor").asLong()).as("A (on a holiday), B, F").isEqualTo(3);
        // Sign-for deadlines in October: A (8 Oct, met), B (14 Oct, missed), D (16 Oct, still missing), F (21 Oct, met).
        assertThat(u.get("counts").get("sign_due").asLong()).isEqualTo(4);
        assertThat(u.get("signForOnTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(u.get("resolved").asLong()).as("A, B twice, F").isEqualTo(4);
        // Handling deadlines: A (met), B (missed, then met after the failed check, then open past 21 Oct), F (met after the extension).
        assertThat(u.get("counts").get("handling_due").asLong()).isEqualTo(5);
        assertThat(u.get("onTimeResolutionRate").asDouble()).isEqualTo(0.6);
        // Handling steps started: A, B's sign-for and two reopenings, F; four of them resolved.
        assertThat(u.get("resolutionRate").asDouble()).isEqualTo(0.8);
        assertThat(u.get("overdue").asLong()).isEqualTo(4);
        assertThat(u.get("overdueRate").asDouble()).isCloseTo(4.0 / 9, within(1e-9));
        assertThat(u.get("returned").asLong()).isEqualTo(1);
        assertThat(u.get("returnRate").asDouble()).isEqualTo(0.25);
        assertThat(u.get("reworked").asLong()).as("B: failed check, 2-star rating").isEqualTo(2);
        assertThat(u.get("reworkRate").asDouble()).isEqualTo(0.5);
        assertThat(u.get("extended").asLong()).isEqualTo(1);
        assertThat(u.get("extensionRate").asDouble()).isEqualTo(0.2);
        assertThat(u.get("ratings").asLong()).isEqualTo(2);
        assertThat(u.get("satisfactionRate").asDouble()).isEqualTo(0.5);
        // Working hours from each handling step's start to its resolution: A 9 (the holiday does not count),
        // B 21 and 2, F 24.5 (the extension does not restart the clock).
        assertThat(u.get("averageHandlingHours").asDouble()).isCloseTo((9 + 21 + 2 + 24.5) / 4, within(1e-9));
        // Default weights 10/30/20/30/5/5 over 0.5, 0.6, 0.8, 0.5, 1-0.25, 1-0.5.
        assertThat(u.get("score").asDouble()).isEqualTo(60.25);
    }

    @Test
    void receivedCountsEachMatterOnceUnderItsFinalCategory() {
        JsonNode district = http().get("/api/assessment/figures?dimension=district&month=2024-10", "district").body()
                .get("rows").get(0);
        assertThat(district.get("received").asLong()).as("B, C, D, F; E merged into D").isEqualTo(4);
        JsonNode categories = http().get("/api/assessment/figures?dimension=category&month=2024-10", "district").body()
                .get("rows");
        for (JsonNode row : categories) {
            if (row.get("key").asText().equals(CATEGORY)) {
                assertThat(row.get("received").asLong()).isEqualTo(4);
            } else {
                assertThat(row.get("received").asLong()).as(row.get("key").asText()).isZero();
            }
        }
        JsonNode september = http().get("/api/assessment/figures?dimension=district&month=2024-09", "district").body()
                .get("rows").get(0);
        assertThat(september.get("received").asLong()).as("A").isEqualTo(1);
    }

    @Test
    void everyFigureAgreesWithTheCasesBehindIt() {
        drillDownsAgree("unit", String.valueOf(unit));
        // The drill-down narrows by category, grid code and unit in different places of its query.
        drillDownsAgree("category", "0104");
        drillDownsAgree("grid", "320706001001001");
        drillDownsAgree("street", "320706001");
        drillDownsAgree("district", "");
        JsonNode handlingDue = http().get("/api/assessment/cases?dimension=unit&key=" + unit
                + "&measure=handling_due&month=2024-10", "district").body();
        assertThat(handlingDue.get("cases")).extracting(c -> c.get("id").asLong() + "x" + c.get("amount").asLong())
                .containsExactlyInAnyOrder(caseA + "x1", caseB + "x3", caseF + "x1");
        JsonNode signDue = http().get("/api/assessment/cases?dimension=unit&key=" + unit
                + "&measure=sign_due&month=2024-10", "district").body();
        assertThat(signDue.get("cases")).extracting(c -> c.get("id").asLong()).contains(caseD);
        // Pages come in case order; a page past the last still tells the figure and how many cases make it.
        JsonNode second = http().get("/api/assessment/cases?dimension=unit&key=" + unit
                + "&measure=handling_due&month=2024-10&page=1&size=2", "district").body();
        assertThat(second.get("cases")).extracting(c -> c.get("id").asLong())
                .containsExactly(java.util.stream.Stream.of(caseA, caseB, caseF).sorted().skip(2).toArray(Long[]::new));
        JsonNode beyond = http().get("/api/assessment/cases?dimension=unit&key=" + unit
                + "&measure=handling_due&month=2024-10&page=3&size=2", "district").body();
        assertThat(beyond.get("cases")).isEmpty();
        assertThat(beyond.get("figure").asLong()).isEqualTo(5);
        assertThat(beyond.get("caseCount").asInt()).isEqualTo(3);
    }

    @Test
    void theRankingShowsTheChangeFromLastMonth() {
        JsonNode places = http().get("/api/assessment/rankings?dimension=unit&month=2024-10", "district").body()
                .get("places");
        assertThat(places).hasSize(1);
        JsonNode place = places.get(0);
        assertThat(place.get("rank").asInt()).isEqualTo(1);
        assertThat(place.get("figures").get("key").asText()).isEqualTo(String.valueOf(unit));
        // September: A dispatched and not returned, the only indicator with a value: 100.
        assertThat(place.get("previousScore").asDouble()).isEqualTo(100.0);
        assertThat(place.get("scoreChange").asDouble()).isEqualTo(-39.75);
        assertThat(place.get("rankChange").asInt()).isZero();
    }

    @Test
    void theDefaultScoreWeightsAreTenThirtyTwentyThirtyFiveAndFive() {
        JsonNode weights = http().get("/api/assessment/weights", "admin").body();
        assertThat(weights.get("signForOnTimeRate").asDouble()).isEqualTo(10);
        assertThat(weights.get("onTimeResolutionRate").asDouble()).isEqualTo(30);
        assertThat(weights.get("resolutionRate").asDouble()).isEqualTo(20);
        assertThat(weights.get("satisfactionRate").asDouble()).isEqualTo(30);
        assertThat(weights.get("returnRate").asDouble()).isEqualTo(5);
        assertThat(weights.get("reworkRate").asDouble()).isEqualTo(5);
    }

    @Test
    void weightsAreTheAdministratorsAndChangeTheScore() {
        assertThat(http().put("/api/assessment/weights", "district", "{\"satisfactionRate\":1}").status()).isEqualTo(403);
        var bad = http().put("/api/assessment/weights", "admin", "{\"speed\":1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("speed");
        assertThat(http().get("/api/assessment/figures?dimension=team&month=2024-10", "district").status()).isEqualTo(400);
        assertThat(http().get("/api/assessment/figures?dimension=unit&month=2024-13", "district").status()).isEqualTo(400);
        assertThat(http().get("/api/assessment/figures?dimension=unit&month=2024-10", "handler").status()).isEqualTo(403);

        String defaults = http().get("/api/assessment/weights", "admin").body().toString();
        try {
            var set = http().put("/api/assessment/weights", "admin", """
                    {"signForOnTimeRate":0,"onTimeResolutionRate":0,"resolutionRate":0,"satisfactionRate":1,
                     "returnRate":0,"reworkRate":0}""");
            assertThat(set.status()).isEqualTo(200);
            assertThat(unitRow("2024-10").get("score").asDouble()).as("satisfaction alone").isEqualTo(50.0);
        } finally {
            assertThat(http().put("/api/assessment/weights", "admin", defaults).status()).isEqualTo(200);
        }
        assertThat(unitRow("2024-10").get("score").asDouble()).isEqualTo(60.25);
    }
}
