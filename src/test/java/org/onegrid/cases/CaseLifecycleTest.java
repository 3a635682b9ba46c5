package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/**
 * The whole life cycle over HTTP: every action tried from every state, with the expected
 * outcome written out here (not read from the rules under test).
 */
class CaseLifecycleTest extends ApiTest {

    /** Which states each action may start from, and where it leads. */
    private static final Map<String, Set<CaseState>> LEGAL_FROM = Map.ofEntries(
            Map.entry("dispatch", EnumSet.of(CaseState.RECEIVED, CaseState.RETURNED)),
            Map.entry("accept", EnumSet.of(CaseState.DISPATCHED)),
            Map.entry("return", EnumSet.of(CaseState.DISPATCHED, CaseState.ACCEPTED)),
            Map.entry("resolve", EnumSet.of(CaseState.ACCEPTED)),
            Map.entry("verify", EnumSet.of(CaseState.RESOLVED)),
            Map.entry("rate", EnumSet.of(CaseState.VERIFIED)), // 0101 needs a site check before the rating call
            Map.entry("close", EnumSet.of(CaseState.RATED, CaseState.VERIFIED)),
            Map.entry("void", EnumSet.of(CaseState.RECEIVED, CaseState.RETURNED, CaseState.DISPATCHED)),
            Map.entry("escalate", EnumSet.of(CaseState.DISPATCHED, CaseState.ACCEPTED)),
            Map.entry("request-extension", EnumSet.of(CaseState.ACCEPTED)),
            Map.entry("approve-extension", EnumSet.noneOf(CaseState.class)), // nothing pending
            Map.entry("urge", EnumSet.complementOf(EnumSet.of(CaseState.CLOSED, CaseState.VOID))),
            Map.entry("arbitrate", EnumSet.noneOf(CaseState.class)), // none of these cases is in arbitration
            Map.entry("whistle", EnumSet.of(CaseState.DISPATCHED, CaseState.ACCEPTED)));
    // report-in needs a summoned co-handler: JointHandlingTest covers it.

    private static final Map<String, CaseState> LEADS_TO = Map.of(
            "dispatch", CaseState.DISPATCHED, "accept", CaseState.ACCEPTED, "return", CaseState.RETURNED,
            "resolve", CaseState.RESOLVED, "verify", CaseState.VERIFIED, "rate", CaseState.RATED,
            "close", CaseState.CLOSED, "void", CaseState.VOID, "escalate", CaseState.DISPATCHED);

    /** The owning unit in these tests: the community committee of the case's community, 朝阳社区. */
    private long committee;
    private long streetUrbanManagement;

    @BeforeEach
    void units() {
        committee = unitId("C001001");
        streetUrbanManagement = unitId("S001-URBAN_MANAGEMENT");
    }

    /** Who takes an action, and with what body. */
    private String actor(String action) {
        return switch (action) {
            case "dispatch", "close", "void", "approve-extension", "urge", "verify", "arbitrate" -> "dispatcher";
            case "rate" -> "agent";
            case "whistle" -> "h-s001";
            default -> "h-c001001";
        };
    }

    private String body(String action) {
        return switch (action) {
            case "dispatch", "arbitrate" -> "{\"unitId\":" + committee + "}";
            case "return" -> "{\"reason\":\"NOT_OUR_FUNCTION\",\"note\":\"不属于本单位\"}";
            case "resolve" -> "{\"result\":\"已清理\"}";
            case "verify" -> "{\"passed\":true}";
            case "rate" -> "{\"stars\":5}";
            case "void", "escalate" -> "{\"reason\":\"测试\"}";
            case "request-extension" -> "{\"workingDays\":3,\"reason\":\"需协调\"}";
            case "whistle" -> "{\"unitId\":" + committee + ",\"coHandlerUnitIds\":[" + committee + "]}";
            default -> "{}";
        };
    }

    private Response act(long id, String action) {
        return http().post("/api/cases/" + id + "/" + action, actor(action), body(action));
    }

    private long receive() {
        Response created = http().post("/api/cases", "agent", newCaseJson("生命周期测试", "0101"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    /** A fresh case brought to {@code state} through the API. */
    private long caseIn(CaseState state) {
        long id = receive();
        List<String> path = switch (state) {
            case RECEIVED -> List.of();
            case DISPATCHED -> List.of("dispatch");
            case ACCEPTED -> List.of("dispatch", "accept");
            case RETURNED -> List.of("dispatch", "return");
            case RESOLVED -> List.of("dispatch", "accept", "resolve");
            case VERIFIED -> List.of("dispatch", "accept", "resolve", "verify");
            case RATED -> List.of("dispatch", "accept", "resolve", "verify", "rate");
            case CLOSED -> List.of("dispatch", "accept", "resolve", "verify", "rate", "close");
            case VOID -> List.of("void");
        };
        for (String action : path) {
            assertThat(act(id, action).status()).as(action).isEqualTo(200);
        }
        assertThat(http().get("/api/cases/" + id, "agent").body().get("state").asText()).isEqualTo(state.name());
        return id;
    }

    @Test
    void everyActionFromEveryState() {
        List<String> failures = new ArrayList<>();
        Map<CaseState, Long> sharedIllegal = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            for (Map.Entry<String, Set<CaseState>> rule : LEGAL_FROM.entrySet()) {
                String action = rule.getKey();
                boolean legal = rule.getValue().contains(state);
                // An illegal action changes nothing, so one case per state serves them all.
                long id = legal ? caseIn(state) : sharedIllegal.computeIfAbsent(state, this::caseIn);
                Response response = act(id, action);
                if (legal) {
                    CaseState expected = LEADS_TO.getOrDefault(action, state);
                    if (response.status() != 200 || !response.body().get("state").asText().equals(expected.name())) {
                        failures.add(action + " from " + state + ": expected 200 " + expected + ", got "
                                + response.status() + " " + response.body());
                    }
                } else if (response.status() != 409
                        || !response.contentType().startsWith("application/problem+json")
                        || !response.body().get("currentState").asText().equals(state.name())) {
                    failures.add(action + " from " + state + ": expected 409 naming " + state + ", got "
                            + response.status() + " " + response.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyTransitionIsOnTheTimelineWithWhoWhenAndStates() {
        long id = caseIn(CaseState.CLOSED);
        JsonNode timeline = http().get("/api/cases/" + id, "agent").body().get("timeline");
        List<String> actions = new ArrayList<>();
        timeline.forEach(e -> actions.add(e.get("action").asText() + ":" + e.get("from").asText() + "->" + e.get("to").asText()
                + ":" + e.get("actor").asText()));
        assertThat(actions).containsExactly("receive:null->RECEIVED:agent", "dispatch:RECEIVED->DISPATCHED:dispatcher",
                "accept:DISPATCHED->ACCEPTED:h-c001001", "resolve:ACCEPTED->RESOLVED:h-c001001",
                "verify:RESOLVED->VERIFIED:dispatcher", "rate:VERIFIED->RATED:agent", "close:RATED->CLOSED:dispatcher");
        timeline.forEach(e -> assertThat(e.get("at").asText()).endsWith("+08:00"));
    }

    @Test
    void failedVerificationSendsTheCaseBackAndCountsRework() {
        long id = caseIn(CaseState.RESOLVED);
        Response failed = http().post("/api/cases/" + id + "/verify", "dispatcher", "{\"passed\":false,\"note\":\"未整改\"}");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body().get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(failed.body().get("reworkCount").asInt()).isEqualTo(1);
        assertThat(failed.body().get("handlingDueAt").isNull()).isFalse();
    }

    @Test
    void dissatisfiedRatingReopensTheCaseToItsUnit() {
        long id = caseIn(CaseState.VERIFIED);
        Response rated = http().post("/api/cases/" + id + "/rate", "agent", "{\"stars\":2,\"note\":\"没解决\"}");
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.body().get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(rated.body().get("reworkCount").asInt()).isEqualTo(1);
        assertThat(rated.body().get("ownerUnit").get("id").asLong()).isEqualTo(committee);
        assertThat(rated.body().get("satisfaction").asText()).isEqualTo("DISSATISFIED");
        // Basically satisfied (3 stars) does not reopen.
        long other = caseIn(CaseState.VERIFIED);
        assertThat(http().post("/api/cases/" + other + "/rate", "agent", "{\"stars\":3}").body().get("state").asText())
                .isEqualTo("RATED");
    }

    @Test
    void acceptingStartsTheCategoryClockAndAnApprovedExtensionAddsWorkingDays() {
        long id = caseIn(CaseState.ACCEPTED);
        JsonNode accepted = http().get("/api/cases/" + id, "agent").body();
        OffsetDateTime due = OffsetDateTime.parse(accepted.get("dueAt").asText());
        // 0101 exposed rubbish: 1 working day, due at 18:00.
        assertThat(due.toLocalTime().toString()).isEqualTo("18:00");
        assertThat(act(id, "request-extension").body().get("pendingExtensionDays").asInt()).isEqualTo(3);
        assertThat(act(id, "request-extension").status()).isEqualTo(409); // one request at a time
        Response approved = http().post("/api/cases/" + id + "/approve-extension", "dispatcher", "{\"approved\":true}");
        assertThat(approved.status()).isEqualTo(200);
        JsonNode extended = approved.body();
        assertThat(extended.get("extensionCount").asInt()).isEqualTo(1);
        assertThat(extended.has("pendingExtensionDays")).isFalse();
        OffsetDateTime newDue = OffsetDateTime.parse(extended.get("dueAt").asText());
        Response deadline = http().get("/api/calendar/deadline?from=" + due.toString().replace("+", "%2B")
                + "&workingDays=3", "agent");
        assertThat(newDue.toInstant()).isEqualTo(OffsetDateTime.parse(deadline.body().get("due").asText()).toInstant());
    }

    @Test
    void escalationHandsTheCaseToTheOwnerOneLevelUpWithANewSignForClock() {
        long id = caseIn(CaseState.ACCEPTED);
        Response escalated = http().post("/api/cases/" + id + "/escalate", "h-c001001", "{\"reason\":\"超出本单位职权\"}");
        assertThat(escalated.status()).isEqualTo(200);
        assertThat(escalated.body().get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(escalated.body().get("ownerUnit").get("id").asLong()).isEqualTo(streetUrbanManagement); // 0101 at street level
        assertThat(escalated.body().get("escalationLevel").asInt()).isEqualTo(1);
    }

    @Test
    void rolesAndUnitsAreChecked() {
        long id = caseIn(CaseState.DISPATCHED);
        // A grid worker may never dispatch; a handler of another unit may not sign for it.
        assertThat(http().post("/api/cases/" + id + "/dispatch", "gridworker", body("dispatch")).status()).isEqualTo(403);
        assertThat(http().post("/api/cases/" + id + "/accept", "h-s001-urban_management", "{}").status()).isEqualTo(403);
        // A district leader reads and urges, nothing else.
        assertThat(http().post("/api/cases/" + id + "/urge", "district", "{\"note\":\"请加快\"}").status()).isEqualTo(200);
        assertThat(http().post("/api/cases/" + id + "/void", "district", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(http().post("/api/cases", "district", newCaseJson("领导不录入", null)).status()).isEqualTo(403);
    }

    @Test
    void aGridWorkerVerifiesOnlyInTheirOwnGrids() {
        long id = caseIn(CaseState.RESOLVED); // located in 320706001001001, the grid of 'gridworker'
        // Another grid's worker cannot even see the case: 404, as for an id that does not exist.
        assertThat(http().post("/api/cases/" + id + "/verify", "gw-002001", "{\"passed\":true}").status()).isEqualTo(404);
        assertThat(http().post("/api/cases/" + id + "/verify", "gridworker", "{\"passed\":true}").status()).isEqualTo(200);
    }

    @Test
    void escalationNeverGoesSidewaysOrDownAndARefusedOneLeavesTheCaseWhereItWas() {
        long id = caseIn(CaseState.ACCEPTED);
        Response sideways = http().post("/api/cases/" + id + "/escalate", "h-c001001",
                "{\"reason\":\"转给隔壁社区\",\"unitId\":" + unitId("C001002") + "}");
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.raw().body()).contains("unitId");
        JsonNode unchanged = http().get("/api/cases/" + id, "agent").body();
        assertThat(unchanged.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(unchanged.get("ownerUnit").get("id").asLong()).isEqualTo(committee);

        Response up = http().post("/api/cases/" + id + "/escalate", "h-c001001",
                "{\"reason\":\"超出本单位职权\",\"unitId\":" + streetUrbanManagement + "}");
        assertThat(up.status()).isEqualTo(200);
        Response down = http().post("/api/cases/" + id + "/escalate", "h-s001-urban_management",
                "{\"reason\":\"退回社区\",\"unitId\":" + committee + "}");
        assertThat(down.status()).isEqualTo(400);
        assertThat(http().get("/api/cases/" + id, "agent").body().get("ownerUnit").get("id").asLong())
                .isEqualTo(streetUrbanManagement);
    }

    @Test
    void aCallIsNotMergedIntoACaseAlreadyClosedAndStaysACaseOfItsOwn() {
        long closed = caseIn(CaseState.CLOSED);
        long call = receive();
        Response merge = http().post("/api/cases/" + call + "/merge", "agent", "{\"intoCaseId\":" + closed + "}");
        assertThat(merge.status()).isEqualTo(400);
        assertThat(merge.raw().body()).contains("intoCaseId");
        assertThat(http().get("/api/cases/" + call, "agent").body().get("state").asText()).isEqualTo("RECEIVED");
    }
}
