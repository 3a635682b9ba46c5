package org.onegrid.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onegrid.calendar.CalendarService;
import org.onegrid.grid.GridService;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Petitions, in words: the first rule that holds grades a petition (a risk to life red, repeats
 * yellow, nothing blue) and starts the grade's clocks in working days; the district's leaders are
 * told of a red one; a repeat of the same person or the same matter is linked to the earlier ones
 * and is not a first petition; a leader regrades with a reason, takes the case with a task force
 * and a plan once; a mediation that agreed has its agreement's scan; the figures per street
 * match the petitions counted by hand.
 */
class PetitionsTest extends ApiTest {

    /** The demo's fourth street (路南街道): no other test and no demo petition is located there. */
    private static final String STREET = "320706004";
    private static final String GRID = STREET + "001001";
    private static final String OTHER_GRID = STREET + "002001";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    GridService grids;

    @Autowired
    CalendarService calendars;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Petitions petitions;

    private JsonNode register(String grid, String phone, String category, boolean risk, int group) {
        double[] p = grids.pointWithin(grid).orElseThrow();
        Response r = http().post("/api/petitions", "agent", """
                {"title":"拖欠工资信访","description":"反映某工地拖欠工资半年","lat":%s,"lng":%s,"categoryCode":%s,
                 "petitionerName":"郑国强","petitionerPhone":"%s","groupSize":%d,"riskToLife":%s,"escalated":false}"""
                .formatted(p[0], p[1], category == null ? "null" : "\"" + category + "\"", phone, group, risk));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body();
    }

    private static String phone() {
        return String.format("1377%07d", System.nanoTime() % 10_000_000);
    }

    @Test
    void gradesClocksRepeatsLeadersAndFigures() {
        String category = http().get("/api/categories", "agent").body().findValuesAsText("code").stream()
                .filter(c -> c.length() == 4).findFirst().orElseThrow();
        long before = petitionsInStreet();
        String p1 = phone();
        JsonNode a = register(GRID, p1, category, false, 1);
        assertThat(a.get("grade").asText()).as("nothing holds: blue").isEqualTo("BLUE");
        assertThat(a.get("firstPetition").asBoolean()).isTrue();
        JsonNode b = register(GRID, p1, null, false, 1);
        assertThat(b.get("grade").asText()).as("a repeat of the same person").isEqualTo("YELLOW");
        assertThat(b.get("firstPetition").asBoolean()).isFalse();
        JsonNode full = http().get("/api/petitions/" + b.get("id").asLong(), "agent").body();
        assertThat(full.get("earlier").findValuesAsText("reason")).containsExactly("PERSON");
        assertThat(full.get("earlier").get(0).get("caseCode").asText()).isEqualTo(a.get("caseCode").asText());
        JsonNode c = register(GRID, phone(), category, false, 1);
        assertThat(http().get("/api/petitions/" + c.get("id").asLong(), "agent").body().get("earlier").findValuesAsText("reason"))
                .as("the same matter: category and grid").containsExactly("MATTER");
        JsonNode d = register(OTHER_GRID, phone(), null, true, 1);
        assertThat(d.get("grade").asText()).as("a risk to life").isEqualTo("RED");
        assertThat(d.get("gradedByRule").asText()).contains("人身安全");
        assertThat(d.get("firstPetition").asBoolean()).isTrue();
        Instant created = Instant.parse(d.get("createdAt").asText());
        OffsetDateTime contactDue = calendars.calendar().addWorkingDays(created, 1);
        assertThat(Instant.parse(d.get("contactDueAt").asText())).as("red: contact within one working day")
                .isEqualTo(contactDue.toInstant());
        assertThat(Instant.parse(d.get("resolveDueAt").asText())).isEqualTo(calendars.calendar().addWorkingDays(created, 15).toInstant());
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN staff s ON s.id = n.staff_id WHERE n.event = 'PETITION' "
                + "AND s.username = 'district' AND n.dedupe_key LIKE ?").param("PETITION_GRADED:" + d.get("id").asLong() + ":%")
                .query(Long.class).single()).as("the district's leader is told of a red petition").isPositive();
        double[] elsewhere = grids.pointWithin("320706003001001").orElseThrow();
        Response big = http().post("/api/petitions", "agent", """
                {"title":"x","description":"y","lat":%s,"lng":%s,"petitionerName":"多人","petitionerPhone":"%s","groupSize":6}"""
                .formatted(elsewhere[0], elsewhere[1], phone()));
        assertThat(big.body().get("grade").asText()).as("five or more together: yellow").isEqualTo("YELLOW");
        assertThat(http().post("/api/petitions", "agent", "{\"title\":\"x\"}").body().get("errors").findValuesAsText("field"))
                .contains("petitionerName", "petitionerPhone", "description");

        // A leader regrades with a reason; a handler may not.
        long red = d.get("id").asLong();
        assertThat(http().post("/api/petitions/" + red + "/regrade", "handler", "{\"grade\":\"YELLOW\",\"reason\":\"x\"}").status())
                .isIn(403, 404);
        assertThat(http().post("/api/petitions/" + red + "/regrade", "district", "{\"grade\":\"YELLOW\"}").status()).isEqualTo(400);
        JsonNode regraded = http().post("/api/petitions/" + red + "/regrade", "district",
                "{\"grade\":\"YELLOW\",\"reason\":\"经核实无极端言行\"}").body();
        assertThat(regraded.get("grade").asText()).isEqualTo("YELLOW");
        assertThat(Instant.parse(regraded.get("contactDueAt").asText())).isEqualTo(calendars.calendar().addWorkingDays(created, 2).toInstant());
        assertThat(regraded.get("regrades").get(0).get("reason").asText()).isEqualTo("经核实无极端言行");

        // The leader takes a case with a task force and a plan, once.
        long first = a.get("id").asLong();
        LocalDate today = LocalDate.now(ZONE);
        String take = """
                {"taskForce":"区信访局 王科长、街道司法所 李所长、社区书记","steps":[
                 {"description":"约谈施工方核实欠薪","dueOn":"%s"},{"description":"督促支付欠薪","dueOn":"%s"}]}"""
                .formatted(today.plusDays(3), today.plusDays(10));
        JsonNode taken = http().post("/api/petitions/" + first + "/take", "district", take).body();
        assertThat(taken.get("leaderName").asText()).isNotBlank();
        assertThat(taken.get("steps")).hasSize(2);
        assertThat(http().post("/api/petitions/" + first + "/take", "district", take).status()).as("taken once").isEqualTo(409);
        long step = taken.get("steps").get(0).get("id").asLong();
        assertThat(http().post("/api/petitions/steps/" + step + "/report", "district", "{\"report\":\"已约谈施工方\"}").body()
                .get("steps").get(0).get("doneAt").isNull()).isFalse();
        assertThat(http().post("/api/petitions/" + first + "/visits", "district", "{\"note\":\"到信访人家中了解情况\"}").body()
                .get("contactedAt").isNull()).as("a visit is the contact").isFalse();

        // A mediation by the community's committee: an agreement's scan wherever they agreed.
        String committee = "C" + GRID.substring(6, 12);
        long unit = jdbc.sql("SELECT id FROM unit WHERE code = ?").param(committee).query(Long.class).single();
        Map<String, String> fields = Map.of("committeeUnitId", String.valueOf(unit), "heldOn", today.toString(),
                "parties", "信访人郑国强；施工方代表", "outcome", "AGREED", "terms", "施工方一个月内付清", "followUpOn",
                today.plusDays(30).toString());
        String keeper = "h-c" + GRID.substring(6, 12);
        Response noScan = http().postForm("/api/petitions/" + first + "/mediations", keeper, fields, null, null, null, null);
        assertThat(noScan.status()).isEqualTo(400);
        assertThat(noScan.body().get("errors").findValuesAsText("field")).contains("agreement");
        Response mediated = http().postForm("/api/petitions/" + first + "/mediations", keeper, fields, "agreement", "agreement.pdf",
                "application/pdf", "%PDF-1.4 signed agreement".getBytes());
        assertThat(mediated.status()).as(String.valueOf(mediated.body())).isEqualTo(201);
        long mediation = mediated.body().get("mediations").get(0).get("id").asLong();
        assertThat(http().post("/api/petitions/mediations/" + mediation + "/follow-up", keeper,
                "{\"kept\":true,\"note\":\"已付清\"}").status()).isEqualTo(200);
        assertThat(http().post("/api/petitions/mediations/" + mediation + "/follow-up", keeper,
                "{\"kept\":true,\"note\":\"again\"}").status()).as("followed up once").isEqualTo(409);

        // The first petition's case resolved; the figures per street against the count by hand.
        long caseId = a.get("caseId").asLong();
        JsonNode theCase = http().get("/api/cases/" + caseId, "dispatcher").body();
        if (theCase.get("state").asText().equals("RECEIVED")) {
            assertThat(http().post("/api/cases/" + caseId + "/dispatch", "dispatcher", "{\"unitId\":" + unit + "}").status()).isEqualTo(200);
        }
        long ownerUnit = http().get("/api/cases/" + caseId, "dispatcher").body().get("ownerUnit").get("id").asLong();
        String owner = "h-" + jdbc.sql("SELECT code FROM unit WHERE id = ?").param(ownerUnit).query(String.class).single().toLowerCase();
        owner = owner.equals("h-d-urban_management") ? "handler" : owner;
        assertThat(http().post("/api/cases/" + caseId + "/accept", owner, "{}").status()).isEqualTo(200);
        assertThat(http().post("/api/cases/" + caseId + "/resolve", owner, "{\"result\":\"欠薪已付清\"}").status()).isEqualTo(200);
        String month = today.toString().substring(0, 7);
        JsonNode street = null;
        for (JsonNode row : http().get("/api/petitions/figures?month=" + month + "&by=STREET", "district").body()) {
            if (row.get("key").asText().equals(STREET)) {
                street = row;
            }
        }
        assertThat(before).as("no petition in the street before").isZero();
        assertThat(street).isNotNull();
        assertThat(street.get("found").asLong()).isEqualTo(4);
        assertThat(street.get("resolved").asLong()).isEqualTo(1);
        assertThat(street.get("resolutionRate").asDouble()).isEqualTo(25.0);
        assertThat(street.get("first").asLong()).as("a and d").isEqualTo(2);
        assertThat(street.get("firstResolved").asLong()).isEqualTo(1);
        assertThat(street.get("firstResolutionRate").asDouble()).isEqualTo(50.0);
        assertThat(street.get("repeatRate").asDouble()).as("b and c of four").isEqualTo(50.0);
        assertThat(http().get("/api/petitions/" + first, "gridworker").status()).as("out of the reader's scope").isEqualTo(404);
    }

    private long petitionsInStreet() {
        return jdbc.sql("SELECT count(*) FROM petition WHERE grid_code LIKE ?").param(STREET + "%").query(Long.class).single();
    }

    @Test
    void theFirstRuleThatHoldsGradesThePetition() {
        List<GradingPolicy.Rule> rules = petitions.rules();
        assertThat(GradingPolicy.grade(rules, new GradingPolicy.Facts(false, 12, 0, false)).grade()).isEqualTo(GradingPolicy.Grade.RED);
        assertThat(GradingPolicy.grade(rules, new GradingPolicy.Facts(false, 1, 3, false)).grade()).isEqualTo(GradingPolicy.Grade.RED);
        assertThat(GradingPolicy.grade(rules, new GradingPolicy.Facts(false, 1, 2, false)).grade()).isEqualTo(GradingPolicy.Grade.YELLOW);
        assertThat(GradingPolicy.grade(rules, new GradingPolicy.Facts(false, 1, 0, true)).grade()).isEqualTo(GradingPolicy.Grade.RED);
        assertThat(GradingPolicy.grade(rules, new GradingPolicy.Facts(false, 4, 0, false)).grade()).isEqualTo(GradingPolicy.Grade.BLUE);
        assertThat(http().post("/api/petitions/rules", "dispatcher", """
                {"position":7,"name":"x","kind":"GROUP_SIZE","threshold":3,"grade":"YELLOW"}""").status()).isEqualTo(403);
        assertThat(http().post("/api/petitions/rules", "admin", """
                {"position":7,"name":"x","kind":"NOPE","threshold":3,"grade":"YELLOW"}""").body().get("errors").findValuesAsText("field"))
                .contains("kind");
    }

    @Test
    void aPetitionWhoseClockRanOutIsToldUpwardsOnce() {
        JsonNode p = register("320706003002001", phone(), null, false, 1);
        long id = p.get("id").asLong();
        assertThat(p.get("grade").asText()).isEqualTo("BLUE");
        jdbc.sql("UPDATE petition SET contact_due_at = now() - interval '1 hour' WHERE id = ?").param(id).update();
        assertThat(petitions.sweep()).isPositive();
        String key = "PETITION_OVERDUE:" + id + ":%";
        long told = jdbc.sql("SELECT count(*) FROM notification n JOIN staff s ON s.id = n.staff_id WHERE s.username = 'district' "
                + "AND n.dedupe_key LIKE ?").param(key).query(Long.class).single();
        assertThat(told).as("a blue petition not contacted in time goes up to the district's leaders").isPositive();
        petitions.sweep();
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN staff s ON s.id = n.staff_id WHERE s.username = 'district' "
                + "AND n.dedupe_key LIKE ?").param(key).query(Long.class).single()).as("once").isEqualTo(told);
    }
}
