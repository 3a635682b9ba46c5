package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.onegrid.support.RegisterSheets;

/**
 * The register on the pages: the community's staff register a household and a member (the ID
 * number shows masked, whole only after a reveal with a purpose), check a spreadsheet whose bad
 * row is named before anything is written; the grid worker sees the care visits overdue on the
 * task list, logs one, updates a member's phone on the doorstep, and checks a household in the
 * running campaign. Screenshots 60-65.
 */
class RegisterDayTest extends BrowserTest {

    /** The demo's first street's second community, third grid: no other test registers there. */
    private static final String GRID = "320706001002003";

    private static String id(long n) {
        return RegisterSheets.idNumber("310101", n);
    }

    @Test
    void theCommunityKeepsTheRegisterAndTheGridWorkerVisits() throws IOException {
        long n = System.nanoTime() % 1000;
        String address = "光明路" + n + "号";
        String idNumber = id(n);
        Page keeper = signIn(desktop(), "h-c001002");
        keeper.navigate(url("/register?grid=" + GRID));
        keeper.fill("#household-form input[name=address]", address);
        keeper.click("#household-form button[type=submit]");
        assertThat(keeper.textContent("#done")).contains("已登记住户");
        String household = ".household:has-text('" + address + "')";
        keeper.click(household + " summary");
        keeper.fill(household + " .member-form input[name=name]", "周玉珍");
        keeper.fill(household + " .member-form input[name=idNumber]", idNumber);
        keeper.fill(household + " .member-form input[name=phone]", "13912340000");
        keeper.check(household + " .member-form input[value=ELDERLY_ALONE]");
        keeper.click(household + " .member-form button[type=submit]");
        assertThat(keeper.textContent(household + " .member")).contains("周玉珍").contains("独居老人")
                .contains(idNumber.substring(0, 3) + "***********" + idNumber.substring(14)).doesNotContain(idNumber);
        Browser.shot(keeper, "60-register-household");

        keeper.click(household + " .reveal button");
        assertThat(keeper.textContent(".field-error")).as("a reveal needs a purpose, said in Chinese").contains("用途：");
        keeper.fill(household + " .reveal input[name=purpose]", "办理高龄津贴核对身份");
        keeper.click(household + " .reveal button");
        assertThat(keeper.textContent("#revealed")).contains(idNumber);
        Browser.shot(keeper, "61-register-revealed");

        String good = id(n + 1);
        byte[] workbook = RegisterSheets.xlsx(new String[][] {{"网格编码", "户号", "地址", "姓名", "身份证号", "电话", "与户主关系", "户籍类型", "标签"},
                {GRID, "B-1", "光明路" + (n + 1) + "号", "吴德明", good, "", "户主", "户籍", ""},
                {GRID, "B-1", "光明路" + (n + 1) + "号", "吴小明", RegisterSheets.withWrongCheck(good), "",
                        "子女", "户籍", ""}});
        keeper.setInputFiles("#import-form input[type=file]", new FilePayload("people.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook));
        keeper.click("#preview");
        assertThat(keeper.textContent("#import-problems")).contains("3").contains("idNumber");
        assertThat(keeper.content()).doesNotContain("吴德明");
        Browser.shot(keeper, "62-register-import-preview");

        Page worker = signIn(phone(), "gridworker");
        assertThat(worker.textContent("#care-overdue")).contains("关爱走访逾期");
        Browser.shot(worker, "63-register-tasks-overdue");
        worker.click("#care-overdue");
        String before = worker.textContent("h2").trim();
        worker.fill(".visit form input[name=note]", "老人身体健康，已送米面");
        worker.click(".visit form button[type=submit]");
        assertThat(worker.textContent("#done")).contains("已记录走访");
        assertThat(worker.textContent("h2").trim()).isNotEqualTo(before);
        Browser.assertNoSidewaysScroll(worker);
        Browser.shot(worker, "64-register-visited");

        worker.click("#households details >> nth=0 >> summary");
        worker.fill("#households details >> nth=0 >> .member-update >> nth=0 >> input[name=phone]", "13900001111");
        worker.click("#households details >> nth=0 >> .member-update >> nth=0 >> button");
        assertThat(worker.textContent("#done")).contains("已更新住户信息");

        worker.navigate(url("/m/households"));
        worker.click("a:has-text('冬季燃气安全入户排查')");
        worker.check("#campaign .check >> nth=0 >> input[name=item0]");
        worker.click("#campaign .check >> nth=0 >> button");
        assertThat(worker.textContent("#done")).contains("已记录入户情况");
        Browser.shot(worker, "65-register-campaign-check");
    }
}
