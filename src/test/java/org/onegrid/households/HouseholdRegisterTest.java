package org.onegrid.households;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.support.ApiTest;
import org.onegrid.support.RegisterSheets;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register of residents, in words: only the grid's own team and its community read a member;
 * a grid worker of grid A cannot read a member of grid B by id, list, search or export; an ID
 * number shows masked, and unmasked only after a logged reveal; a spreadsheet with one bad row
 * writes nothing and names the row and the field; a campaign's progress equals the households
 * checked; a flagged household not visited in time is overdue until visited; moves are history;
 * an erased member's data is gone.
 */
class HouseholdRegisterTest extends ApiTest {

    /** The demo's first street, second community: its committee keeps the register; no other test writes here. */
    private static final String COMMUNITY = "320706001002";
    private static final String GRID_A = COMMUNITY + "001";
    private static final String GRID_B = COMMUNITY + "002";
    private static final String KEEPER = "h-c001002";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryService directory;

    @Autowired
    RegisterRetention retention;

    private static String idNumber(long n) {
        return RegisterSheets.idNumber("110101", n);
    }

    private static long sequence = System.nanoTime() % 900;

    private long household(String grid, String address) {
        Response r = http().post("/api/households", KEEPER, """
                {"gridCode":"%s","address":"%s"}""".formatted(grid, address));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private JsonNode member(long household, String name, String id, String relation, String flags) {
        Response r = http().post("/api/households/" + household + "/members", KEEPER, """
                {"name":"%s","idNumber":"%s","phone":"13805551234","relation":"%s","residence":"BOTH","flags":[%s]}"""
                .formatted(name, id, relation, flags));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body();
    }

    /** A grid worker posted to grid B only, with an account of their own. */
    private String workerOfGridB() {
        String username = "gw-b-" + System.nanoTime() % 100000;
        StaffMember worker = directory.createStaff(new DirectoryService.NewStaff(username, "网格员 B", Role.GRID_WORKER,
                directory.unitByCode("C001002").orElseThrow().id(), "worker-pass"), "test");
        directory.assign(GRID_B, worker.id(), GridPost.GRID_WORKER, "专职网格员", "test");
        return username + ":worker-pass";
    }

    @Test
    void aGridWorkerOfGridBReadsNoMemberOfGridAAndAnIdNumberShowsOnlyAfterALoggedReveal() {
        String id = idNumber(sequence++);
        long home = household(GRID_A, "朝阳路18号");
        JsonNode m = member(home, "李桂香", id, "HEAD", "\"ELDERLY_ALONE\"");
        long memberId = m.get("id").asLong();
        assertThat(m.get("idMasked").asText()).isEqualTo(id.substring(0, 3) + "***********" + id.substring(14));
        assertThat(m.toString()).doesNotContain(id).doesNotContain("13805551234");
        assertThat(jdbc.sql("SELECT count(*) FROM household_member WHERE encode(id_cipher, 'escape') LIKE ?").param("%" + id + "%")
                .query(Long.class).single()).as("the ID number is not stored in the clear").isZero();

        String gridB = workerOfGridB();
        assertThat(http().get("/api/households/members/" + memberId, gridB).status()).as("by id").isEqualTo(404);
        assertThat(http().get("/api/households/" + home, gridB).status()).isEqualTo(404);
        assertThat(http().get("/api/households?grid=" + GRID_A, gridB).status()).as("a list of grid A").isEqualTo(403);
        assertThat(http().get("/api/households", gridB).body().findValuesAsText("name")).as("the list of my grids")
                .doesNotContain("李桂香");
        assertThat(http().get("/api/households/search?q=李桂", gridB).body()).as("by name").isEmpty();
        assertThat(http().get("/api/households/search?q=" + id, gridB).body()).as("by ID number").isEmpty();
        assertThat(http().get("/api/households/export?grid=" + GRID_A + "&purpose=走访", gridB).status()).as("export")
                .isEqualTo(403);
        assertThat(http().post("/api/households/members/" + memberId + "/reveal", gridB, "{\"purpose\":\"核实\"}").status())
                .isEqualTo(404);
        for (String outsider : List.of("gridworker", "handler", "admin", "h-s002", "district")) {
            assertThat(http().get("/api/households/members/" + memberId, outsider).status()).as(outsider).isEqualTo(404);
        }
        assertThat(http().get("/api/households/members/" + memberId, "gw-001002").status())
                .as("the grid's own worker").isEqualTo(200);
        assertThat(http().get("/api/households/search?q=" + id, KEEPER).body().findValuesAsText("name")).containsExactly("李桂香");

        Response noPurpose = http().post("/api/households/members/" + memberId + "/reveal", KEEPER, "{}");
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.body().get("errors").findValuesAsText("field")).contains("purpose");
        long logged = jdbc.sql("SELECT count(*) FROM personal_data_access WHERE subject = ?").param("member:" + memberId)
                .query(Long.class).single();
        assertThat(logged).isZero();
        Response revealed = http().post("/api/households/members/" + memberId + "/reveal", KEEPER, "{\"purpose\":\"办理高龄津贴需核对身份证\"}");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body().get("idNumber").asText()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT purpose FROM personal_data_access WHERE subject = ?").param("member:" + memberId)
                .query(String.class).list()).containsExactly("办理高龄津贴需核对身份证");

        Response export = http().get("/api/households/export?grid=" + GRID_A + "&purpose=核对低保名单", KEEPER);
        assertThat(export.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_access WHERE subject = ?").param("export:" + GRID_A)
                .query(Long.class).single()).as("the export is logged").isPositive();
        assertThat(http().get("/api/households/export?grid=" + GRID_A, KEEPER).status()).as("an export needs a purpose")
                .isEqualTo(400);
    }

    @Test
    void movesAreHistoryOnePersonLivesInOneHouseholdAndAnErasedMemberIsGone() {
        String id = idNumber(sequence++);
        long first = household(GRID_A, "幸福里3号");
        long memberId = member(first, "王建军", id, "HEAD", "").get("id").asLong();
        long second = household(GRID_A, "幸福里5号");
        Response twice = http().post("/api/households/" + second + "/members", KEEPER, """
                {"name":"王建军","idNumber":"%s","relation":"HEAD","residence":"BOTH"}""".formatted(id));
        assertThat(twice.status()).as("living in one household at a time").isEqualTo(409);
        Response secondHead = http().post("/api/households/" + first + "/members", KEEPER, """
                {"name":"王小军","idNumber":"%s","relation":"HEAD","residence":"BOTH"}""".formatted(idNumber(sequence++)));
        assertThat(secondHead.status()).as("one head").isEqualTo(400);
        Response badId = http().post("/api/households/" + first + "/members", KEEPER, """
                {"name":"王小军","idNumber":"%s","relation":"CHILD","residence":"BOTH"}""".formatted(RegisterSheets.withWrongCheck(id)));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("errors").findValuesAsText("field")).contains("idNumber");

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(http().post("/api/households/members/" + memberId + "/move-out", KEEPER,
                "{\"on\":\"%s\",\"reason\":\"搬至幸福里5号\"}".formatted(today)).status()).isEqualTo(200);
        assertThat(http().post("/api/households/members/" + memberId + "/move-out", KEEPER,
                "{\"on\":\"%s\"}".formatted(today)).status()).as("moved out once").isEqualTo(409);
        assertThat(http().post("/api/households/" + second + "/members", KEEPER, """
                {"name":"王建军","idNumber":"%s","relation":"HEAD","residence":"BOTH"}""".formatted(id)).status()).isEqualTo(201);
        assertThat(http().get("/api/households/members/" + memberId + "/moves", KEEPER).body().findValuesAsText("kind"))
                .containsExactly("IN", "OUT");

        assertThat(http().post("/api/households/members/" + memberId + "/erase", KEEPER, "{\"reason\":\"本人申请删除\"}").status())
                .isEqualTo(200);
        JsonNode erased = http().get("/api/households/members/" + memberId, KEEPER).body();
        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(erased.get("name").isNull()).isTrue();
        assertThat(http().post("/api/households/members/" + memberId + "/reveal", KEEPER, "{\"purpose\":\"x\"}").status())
                .isEqualTo(409);

        // Retention: who moved out more than three years ago is erased; who moved out lately is kept.
        long old = http().post("/api/households/" + first + "/members", KEEPER, """
                {"name":"钱老伯","idNumber":"%s","relation":"PARENT","residence":"BOTH","movedInOn":"2010-05-01"}"""
                .formatted(idNumber(sequence++))).body().get("id").asLong();
        http().post("/api/households/members/" + old + "/move-out", KEEPER, "{\"on\":\"2020-06-01\",\"reason\":\"迁往外地\"}");
        long recent = http().post("/api/households/" + first + "/members", KEEPER, """
                {"name":"钱小妹","idNumber":"%s","relation":"CHILD","residence":"BOTH"}""".formatted(idNumber(sequence++)))
                .body().get("id").asLong();
        http().post("/api/households/members/" + recent + "/move-out", KEEPER, "{\"on\":\"%s\"}".formatted(today));
        assertThat(retention.run("test")).isPositive();
        assertThat(http().get("/api/households/members/" + old, KEEPER).body().get("erased").asBoolean()).isTrue();
        assertThat(http().get("/api/households/members/" + recent, KEEPER).body().get("name").asText()).isEqualTo("钱小妹");
    }

    @Test
    void theAdministratorKeepsTheListOfFlags() {
        assertThat(http().put("/api/households/flags/SERIOUS_ILLNESS", KEEPER,
                "{\"nameZh\":\"大病患者\",\"nameEn\":\"serious illness\",\"visitEveryDays\":14,\"active\":true}").status())
                .isEqualTo(403);
        Response bad = http().put("/api/households/flags/SERIOUS_ILLNESS", "admin",
                "{\"nameZh\":\"大病患者\",\"nameEn\":\"serious illness\",\"visitEveryDays\":400,\"active\":true}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).contains("visitEveryDays");
        assertThat(http().put("/api/households/flags/SERIOUS_ILLNESS", "admin",
                "{\"nameZh\":\"大病患者\",\"nameEn\":\"serious illness\",\"visitEveryDays\":14,\"active\":true}").status())
                .isEqualTo(200);
        long home = household(GRID_A, "康复路2号");
        assertThat(member(home, "冯志明", idNumber(sequence++), "HEAD", "\"SERIOUS_ILLNESS\"").get("flags").get(0).asText())
                .isEqualTo("SERIOUS_ILLNESS");
        assertThat(http().put("/api/households/flags/SERIOUS_ILLNESS", "admin",
                "{\"nameZh\":\"大病患者\",\"nameEn\":\"serious illness\",\"visitEveryDays\":14,\"active\":false}").status())
                .isEqualTo(200);
        assertThat(http().post("/api/households/" + home + "/members", KEEPER, """
                {"name":"冯小明","idNumber":"%s","relation":"CHILD","residence":"BOTH","flags":["SERIOUS_ILLNESS"]}"""
                .formatted(idNumber(sequence++))).status()).as("a flag out of use is not given").isEqualTo(400);
    }

    @Test
    void aFlaggedHouseholdNotVisitedInTimeIsOverdueUntilVisited() {
        long home = household(GRID_A, "敬老巷1号");
        member(home, "赵淑珍", idNumber(sequence++), "HEAD", "\"ELDERLY_ALONE\"");
        assertThat(http().get("/api/households/" + home, KEEPER).body().get("careOverdue").asBoolean()).isFalse();
        jdbc.sql("UPDATE household SET created_at = created_at - interval '10 days' WHERE id = ?").param(home).update();
        assertThat(http().get("/api/households/" + home, KEEPER).body().get("careOverdue").asBoolean())
                .as("an elderly person living alone is visited weekly").isTrue();
        assertThat(http().get("/api/households?careOverdue=true&size=200&grid=" + GRID_A, KEEPER).body().findValuesAsText("address"))
                .contains("敬老巷1号");
        Response visit = http().post("/api/households/" + home + "/visits", "gw-001002", "{\"note\":\"老人身体健康，已送米面\"}",
                "Idempotency-Key", "visit-" + home);
        assertThat(visit.status()).isEqualTo(201);
        assertThat(http().post("/api/households/" + home + "/visits", "gw-001002", "{\"note\":\"老人身体健康，已送米面\"}",
                "Idempotency-Key", "visit-" + home).body().get("id").asLong()).as("a retried visit is one")
                .isEqualTo(visit.body().get("id").asLong());
        JsonNode after = http().get("/api/households/" + home, KEEPER).body();
        assertThat(after.get("careOverdue").asBoolean()).isFalse();
        assertThat(after.get("careDueOn").asText()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7).toString());
    }

    private static byte[] sheet(String[][] rows) throws IOException {
        return RegisterSheets.xlsx(rows);
    }

    @Test
    void aSpreadsheetWithOneBadRowWritesNothingAndNamesTheRowAndTheField() throws IOException {
        String[] header = {"网格编码", "户号", "地址", "姓名", "身份证号", "电话", "与户主关系", "户籍类型", "标签"};
        String good1 = idNumber(sequence++);
        String good2 = idNumber(sequence++);
        String bad = good2.substring(0, 10) + "13" + good2.substring(12); // the 13th month
        String[][] rows = {header,
                {GRID_B, "A-01", "建设路1号", "孙海涛", good1, "13800000001", "户主", "户籍", "退役军人"},
                {GRID_B, "A-01", "建设路1号", "孙小涛", bad, "", "子女", "户籍", ""},
                {GRID_B, "A-02", "建设路2号", "钱玉兰", good2, "", "户主", "常住", "独居老人、低保户"}};
        long before = jdbc.sql("SELECT count(*) FROM household_member").query(Long.class).single();
        Response preview = http().postFile("/api/households/import?preview=true", KEEPER, "file", "people.xlsx", sheet(rows));
        assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
        assertThat(preview.body().get("problems").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(preview.body().get("problems").get(0).get("field").asText()).isEqualTo("idNumber");
        Response refused = http().postFile("/api/households/import", KEEPER, "file", "people.xlsx", sheet(rows));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("row 3 idNumber");
        assertThat(jdbc.sql("SELECT count(*) FROM household_member").query(Long.class).single()).as("nothing written").isEqualTo(before);

        Response elsewhere = http().postFile("/api/households/import?preview=true", "h-c001001", "file", "people.xlsx", sheet(rows));
        assertThat(elsewhere.body().get("problems").findValuesAsText("field")).as("another community's grid").contains("gridCode");

        rows[2][4] = idNumber(sequence++);
        Response imported = http().postFile("/api/households/import", KEEPER, "file", "people.xlsx", sheet(rows));
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
        assertThat(imported.body().get("households").asInt()).isEqualTo(2);
        assertThat(imported.body().get("members").asInt()).isEqualTo(3);
        JsonNode found = http().get("/api/households/search?q=" + good2, KEEPER).body().get(0);
        assertThat(found.toString()).contains("ELDERLY_ALONE", "LOW_INCOME");
        assertThat(http().postFile("/api/households/import", KEEPER, "file", "people.xlsx", sheet(rows)).status())
                .as("the same sheet again: everyone is registered already").isEqualTo(400);
        assertThat(http().postFile("/api/households/import", KEEPER, "file", "x.xlsx", "not a workbook".getBytes()).status())
                .isEqualTo(400);
    }

    @Test
    void aCampaignsProgressEqualsTheHouseholdsChecked() {
        long one = household(GRID_B, "普查一号");
        long two = household(GRID_B, "普查二号");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Response launched = http().post("/api/households/campaigns", KEEPER, """
                {"title":"入户排查燃气安全","kind":"SCREENING","gridCodes":["%s"],"checklist":["燃气报警器","软管老化"],
                 "startsOn":"%s","endsOn":"%s"}""".formatted(GRID_B, today, today.plusDays(14)));
        assertThat(launched.status()).as(String.valueOf(launched.body())).isEqualTo(201);
        long campaign = launched.body().get("id").asLong();
        assertThat(http().post("/api/households/campaigns", "h-c001001", """
                {"title":"x","kind":"CENSUS","gridCodes":["%s"],"checklist":["a"],"startsOn":"%s","endsOn":"%s"}"""
                .formatted(GRID_B, today, today)).status()).as("only over grids the launcher keeps").isEqualTo(403);
        long households = jdbc.sql("SELECT count(*) FROM household WHERE grid_code = ?").param(GRID_B).query(Long.class).single();

        Response wrong = http().post("/api/households/campaigns/" + campaign + "/checks", "gw-001002",
                "{\"householdId\":%d,\"answers\":[true]}".formatted(one));
        assertThat(wrong.status()).as("one answer per item").isEqualTo(400);
        assertThat(http().post("/api/households/campaigns/" + campaign + "/checks", "gw-001002",
                "{\"householdId\":%d,\"answers\":[true,false],\"note\":\"软管需更换\"}".formatted(one)).status()).isEqualTo(201);
        assertThat(http().post("/api/households/campaigns/" + campaign + "/checks", "gw-001002",
                "{\"householdId\":%d,\"answers\":[true,true]}".formatted(one)).status()).as("checked once").isEqualTo(409);
        JsonNode progress = http().get("/api/households/campaigns/" + campaign + "/progress", KEEPER).body();
        assertThat(progress.get("households").asLong()).isEqualTo(households);
        assertThat(progress.get("checked").asLong()).isEqualTo(1)
                .isEqualTo(jdbc.sql("SELECT count(*) FROM household_visit WHERE campaign_id = ?").param(campaign).query(Long.class).single());
        assertThat(progress.get("workers").get(0).get("checked").asLong()).isEqualTo(1);
        List<Long> unreached = new java.util.ArrayList<>();
        http().get("/api/households/campaigns/" + campaign + "/unreached?grid=" + GRID_B, KEEPER).body()
                .forEach(h -> unreached.add(h.get("id").asLong()));
        assertThat(unreached).contains(two).doesNotContain(one);
        assertThat(http().get("/api/households/campaigns/" + campaign + "/progress", "gridworker").status())
                .as("not a keeper of its grids").isEqualTo(404);
    }
}
