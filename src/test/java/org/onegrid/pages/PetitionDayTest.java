package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A red petition on the pages from intake through a task force and a mediation agreement to
 * closure: the petition desk registers it with a risk to life (red, its clocks shown); the
 * district's leader takes it with a task force and a plan and reports a step; the community's
 * committee visits the petitioner and records a mediation with the signed agreement's scan; the
 * street signs for the case and resolves it; the petition shows resolved and the month's figures
 * count it. Screenshots 70-74.
 */
class PetitionDayTest extends BrowserTest {

    /** The demo's fifth street: the API test counts the fourth's figures. */
    private static final String GRID = "320706005001001";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aRedPetitionGoesThroughATaskForceAndAMediationToClosure() {
        String mark = String.valueOf(System.nanoTime() % 10000);
        Page desk = signIn(desktop(), "agent");
        desk.navigate(url("/petitions"));
        desk.fill("#petition-form input[name=petitionerName]", "陈玉梅");
        desk.fill("#petition-form input[name=petitionerPhone]", String.format("1366%07d", System.nanoTime() % 10_000_000));
        desk.check("#petition-form input[name=riskToLife]");
        desk.fill("#petition-form input[name=title]", "征地补偿纠纷" + mark);
        desk.selectOption("#petition-form select[name=gridCode]", GRID);
        desk.fill("#petition-form textarea[name=description]", "反映征地补偿款未到位，情绪激动，扬言过激行为");
        desk.click("#petition-form button[type=submit]");
        desk.waitForURL("**/petitions/*");
        assertThat(desk.textContent("#grade")).isEqualTo("红色");
        assertThat(desk.textContent("#first")).contains("初次");
        Browser.shot(desk, "70-petition-red");
        long id = Long.parseLong(desk.url().replaceAll(".*/petitions/", ""));
        JsonNode p = http().get("/api/petitions/" + id, "agent").body();
        long caseId = p.get("caseId").asLong();
        long street = jdbcUnit("S005");
        if (http().get("/api/cases/" + caseId, "dispatcher").body().get("state").asText().equals("RECEIVED")) {
            assertThat(http().post("/api/cases/" + caseId + "/dispatch", "dispatcher", "{\"unitId\":" + street + "}").status())
                    .isEqualTo(200);
        }

        Page leader = signIn(desktop(), "district");
        leader.navigate(url("/petitions/" + id));
        LocalDate today = LocalDate.now(ZONE);
        leader.fill("#take-form input[name=taskForce]", "区信访局 王科长、街道司法所 李所长、社区书记");
        leader.fill("#take-form textarea[name=plan]", "核实补偿款拨付情况 | " + today.plusDays(3) + "\n召开协调会 | " + today.plusDays(7));
        leader.click("#take-form button[type=submit]");
        assertThat(leader.textContent("#task-force")).contains("包案领导").contains("核实补偿款拨付情况");
        leader.fill("#steps .step >> nth=0 >> input[name=report]", "已核实，补偿款在镇财政所");
        leader.click("#steps .step >> nth=0 >> button");
        assertThat(leader.textContent("#steps")).contains("✓ 已核实");
        Browser.shot(leader, "71-petition-task-force");

        Page committee = signIn(desktop(), "h-c005001");
        committee.navigate(url("/petitions/" + id));
        committee.fill("#visit-form input[name=note]", "到信访人家中安抚情绪，了解诉求");
        committee.click("#visit-form button[type=submit]");
        assertThat(committee.textContent("#visits")).contains("安抚情绪");
        committee.fill("#mediation-form input[name=parties]", "信访人陈玉梅；镇财政所");
        committee.selectOption("#mediation-form select[name=outcome]", new SelectOption().setValue("AGREED"));
        committee.fill("#mediation-form textarea[name=terms]", "补偿款十日内拨付到户");
        committee.setInputFiles("#mediation-form input[name=agreement]", new FilePayload("协议书.pdf", "application/pdf",
                "%PDF-1.4 调解协议书".getBytes()));
        committee.fill("#mediation-form input[name=followUpOn]", today.plusDays(10).toString());
        committee.click("#mediation-form button[type=submit]");
        assertThat(committee.textContent("#mediations")).contains("达成协议").contains("调解协议书");
        Browser.shot(committee, "72-petition-mediation");

        Page town = signIn(desktop(), "h-s005");
        town.navigate(url("/cases/" + caseId));
        town.click("#action-accept summary");
        town.click("#action-accept button[type=submit]");
        town.waitForLoadState();
        town.click("#action-resolve summary");
        town.fill("#action-resolve textarea[name=result]", "补偿款已拨付到户，信访人表示满意。");
        town.click("#action-resolve button[type=submit]");
        town.waitForLoadState();
        assertThat(town.textContent("#resolution")).contains("补偿款已拨付");
        leader.navigate(url("/petitions/" + id));
        assertThat(leader.textContent("#state")).isEqualTo("已化解");
        Browser.shot(leader, "73-petition-resolved");

        leader.navigate(url("/assessment?month=" + today.toString().substring(0, 7)));
        assertThat(leader.textContent("#petition-figures")).contains("红色");
        Browser.shot(leader, "74-petition-figures");
    }

    private long jdbcUnit(String code) {
        for (JsonNode u : http().get("/api/units", "admin").body()) {
            if (u.get("code").asText().equals(code)) {
                return u.get("id").asLong();
            }
        }
        throw new IllegalStateException(code);
    }
}
