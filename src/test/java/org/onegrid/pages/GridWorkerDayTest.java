package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A grid worker's day on the phone (390 px, the phone's position from the browser) in real
 * Chromium: start a patrol, the track grows as they walk, a matter found on the way is reported
 * and settled on the spot (随手办), the patrol ends with its summary, and the month's scorecard
 * counts both. Then the other grid-work pages: the cadre's check-in, the administrator's team
 * editor, the leaders' overview and the residents' grid team. Screenshots in target/screenshots/.
 */
class GridWorkerDayTest extends BrowserTest {

    /** A phone standing in 朝阳社区第1网格, one of gridworker's grids. */
    private BrowserContext phone(double lat, double lng) {
        return phoneContext(new Geolocation(lat, lng));
    }

    private JsonNode scorecard() {
        return http().get("/api/scorecards/gridworker?month=" + YearMonth.now(ZoneId.of("Asia/Shanghai")), "gridworker").body();
    }

    @Test
    void aGridWorkersDayOnThePhone() {
        JsonNode before = scorecard();
        // Nothing left open from another test.
        JsonNode open = http().get("/api/patrols/open", "gridworker").body();
        if (open != null && open.has("id")) {
            http().post("/api/patrols/" + open.get("id").asLong() + "/end", "gridworker", "{}");
        }

        BrowserContext context = phone(34.5555, 119.1355);
        Page worker = signIn(context.newPage(), "gridworker");
        List<String> tracked = new java.util.concurrent.CopyOnWriteArrayList<>();
        worker.onResponse(r -> {
            if (r.url().endsWith("/track")) {
                tracked.add(r.status() + " " + r.text());
            }
        });
        worker.onConsoleMessage(m -> tracked.add("console: " + m.text()));
        assertThat(worker.url()).endsWith("/m");
        worker.click("#go-patrol");
        worker.waitForURL("**/m/patrol");
        Browser.assertNoSidewaysScroll(worker);
        Browser.shot(worker, "20-gridworker-patrol-start");
        worker.waitForFunction("() => document.querySelector('form[data-fill-position] [name=lat]').value !== ''");
        worker.click("#start-patrol");
        worker.waitForSelector("#patrol");

        // The walk: the page sends each new position to the track (a fix older than the start is not kept).
        worker.waitForTimeout(1200);
        context.setGeolocation(new Geolocation(34.5558, 119.1356));
        try {
            worker.waitForFunction("() => parseInt(document.getElementById('patrol-points').textContent, 10) >= 2");
            worker.waitForTimeout(1200);
            context.setGeolocation(new Geolocation(34.5560, 119.1357));
            worker.waitForFunction("() => parseInt(document.getElementById('patrol-points').textContent, 10) >= 3");
        } catch (com.microsoft.playwright.TimeoutError slow) {
            throw new AssertionError("the track did not grow: " + tracked, slow);
        }
        assertThat(Long.parseLong(worker.textContent("#patrol-distance"))).isGreaterThan(0);
        Browser.assertNoSidewaysScroll(worker);
        Browser.shot(worker, "21-gridworker-patrol-under-way");

        // A matter found on the way, settled there and then (随手办).
        worker.fill("#title", "楼道堆放纸箱");
        worker.fill("#description", "3号楼2单元楼道堆放纸箱，影响通行");
        worker.selectOption("#categoryCode", "0112");
        worker.fill("#result", "已劝导住户当场清理，楼道已畅通");
        worker.click("#finding-form button[type=submit]");
        worker.waitForSelector("#settled-code");
        String code = worker.textContent("#settled-code");
        assertThat(code).matches("\\d{8}-\\d{6}");
        assertThat(worker.textContent("#patrol")).contains(code).contains("已现场处置");
        Browser.shot(worker, "22-gridworker-settled-on-the-spot");

        worker.fill("#summary", "巡查朝阳社区第1网格，楼道堆物一处已现场处置");
        worker.click("#end-patrol");
        worker.waitForSelector("#patrol-summary");
        assertThat(worker.textContent("#summary-findings")).isEqualTo("1");
        assertThat(worker.textContent("#summary-settled")).isEqualTo("1");
        assertThat(worker.textContent("#summary-text")).contains("楼道堆物");
        Browser.assertNoSidewaysScroll(worker);
        Browser.shot(worker, "23-gridworker-patrol-summary");

        // The scorecard counts both.
        worker.click("a[href='/m/scorecard']");
        worker.waitForSelector("#scorecard");
        assertThat(Long.parseLong(worker.textContent("#sc-settled").trim()))
                .isEqualTo(before.get("settledInGrid").asLong() + 1);
        assertThat(Long.parseLong(worker.textContent("#sc-on-time").trim()))
                .isEqualTo(before.get("settledOnTime").asLong() + 1);
        assertThat(Long.parseLong(worker.textContent("#sc-patrols").trim())).isEqualTo(before.get("patrols").asLong() + 1);
        assertThat(Long.parseLong(worker.textContent("#sc-points").trim())).isEqualTo(before.get("points").asLong() + 4);
        assertThat(worker.locator("#ranking tr.mine").count()).isEqualTo(1);
        Browser.assertNoSidewaysScroll(worker);
        Browser.shot(worker, "24-gridworker-scorecard");

        worker.navigate(url("/m/settle"));
        Browser.waitForMap(worker);
        Browser.assertNoSidewaysScroll(worker);
        Browser.shot(worker, "25-gridworker-settle");
        worker.navigate(url("/m/inspect"));
        worker.click("form[method=get] button[type=submit]");
        worker.waitForSelector("#inspect-form");
        Browser.assertNoSidewaysScroll(worker);
        Browser.shot(worker, "26-gridworker-inspect");
        context.close();
    }

    @Test
    void theOtherGridWorkPagesShowTheDemoDistrictsWork() {
        BrowserContext cadrePhone = phone(34.5555, 119.1355);
        Page cadre = signIn(cadrePhone.newPage(), "cadre");
        cadre.navigate(url("/duty"));
        assertThat(cadre.locator(".shift").count()).isGreaterThan(1);
        assertThat(cadre.locator(".checked-in").count()).isGreaterThan(0);
        Browser.assertNoSidewaysScroll(cadre);
        Browser.shot(cadre, "27-cadre-duty");
        cadrePhone.close();

        Page admin = signIn(desktop(), "admin");
        admin.navigate(url("/admin/teams?grid=320706001001001"));
        assertThat(admin.textContent("#team-posts")).contains("网格长").contains("楼栋长").contains("物业联络员")
                .contains("社区民警").contains("指导员").contains("专管员").contains("参与员").contains("单元长")
                .contains("信息采集员").contains("专职网格员");
        Browser.shot(admin, "28-admin-grid-team");
        admin.navigate(url("/admin/territory"));
        assertThat(admin.textContent("#levels")).contains("管区").contains("基础网格");
        assertThat(admin.textContent("#tree")).contains("浦南镇东片管区").contains("华联村");
        assertThat(admin.locator("#tree tr[data-level=MANAGED_AREA]:has-text('浦南镇')").count()).isEqualTo(2);
        Browser.shot(admin, "28b-admin-territory-levels");

        Page dispatcher = signIn(desktop(), "dispatcher");
        dispatcher.navigate(url("/notifications"));
        dispatcher.click("a[href='/notifications/failed']");
        dispatcher.waitForSelector("#failed");
        Browser.shot(dispatcher, "31-dispatcher-failed-messages");
        Page worker = signIn(desktop(), "gridworker");
        assertThat(worker.navigate(url("/notifications/failed")).status()).as("not for grid workers").isEqualTo(403);

        Page leader = signIn(desktop(), "district");
        leader.navigate(url("/gridwork"));
        assertThat(leader.locator("#ranking tbody tr").count()).isGreaterThan(1);
        assertThat(leader.locator("#duty-by-unit tbody tr").count()).isGreaterThan(1);
        Browser.shot(leader, "29-leader-grid-work");

        Page resident = phone();
        resident.navigate(url("/public/team?grid=320706001001001"));
        assertThat(resident.textContent("#public-team")).contains("楼栋长").contains("0518-85");
        Browser.assertNoSidewaysScroll(resident);
        Browser.shot(resident, "30-resident-grid-team");
    }
}
