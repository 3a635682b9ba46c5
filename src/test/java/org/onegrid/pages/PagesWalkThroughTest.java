package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * One case walked through every page in real Chromium: a resident submits it with a photo, the
 * agent sets its category, the dispatcher sends it, the unit signs for it and resolves it with a
 * photo, the grid worker verifies it on site with a photo, the resident rates it, and the leader
 * sees the figures. Every page is photographed into target/screenshots/; the resident's and grid
 * worker's pages are checked at 390 px for sideways scrolling.
 */
class PagesWalkThroughTest extends BrowserTest {

    /** Inside 朝阳社区第1网格, one of the demo grid worker's grids. */
    private static final String LAT = "34.555500";
    private static final String LNG = "119.135500";

    private static void shot(Page page, String name) {
        Browser.shot(page, name);
    }

    private static void assertNoSidewaysScroll(Page page) {
        Browser.assertNoSidewaysScroll(page);
    }

    private static void waitForMap(Page page) {
        Browser.waitForMap(page);
    }

    private static void placeAt(Page page, String lat, String lng) {
        page.evaluate("([la, ln]) => { document.getElementById('lat').value = la; document.getElementById('lng').value = ln; }",
                List.of(lat, lng));
    }

    static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void oneCaseFromTheResidentBackToTheResident() {
        // 1. The resident submits a request on a phone; a bad file is refused with nothing typed lost.
        Page resident = phone();
        resident.navigate(url("/public"));
        waitForMap(resident);
        assertNoSidewaysScroll(resident);
        resident.fill("#title", "小区门口垃圾堆积");
        resident.fill("#description", "幸福小区东门垃圾三天无人清运，气味很大。");
        resident.fill("#reporterPhone", "13912345678");
        resident.click(".map");
        assertThat(resident.inputValue("#lat")).as("a click on the map sets the location").isNotEmpty();
        placeAt(resident, LAT, LNG);
        resident.setInputFiles("#photo", new FilePayload("photo.jpg", "image/jpeg", "not a picture".getBytes()));
        resident.click("form button[type=submit].primary");
        resident.waitForLoadState();
        assertThat(resident.textContent(".field-error")).contains("只接受 JPEG、PNG 和 WebP");
        assertThat(resident.inputValue("#title")).isEqualTo("小区门口垃圾堆积");
        assertThat(resident.inputValue("#description")).contains("三天无人清运");
        assertThat(resident.inputValue("#reporterPhone")).isEqualTo("13912345678");
        assertThat(resident.inputValue("#lat")).isEqualTo(LAT);
        shot(resident, "01-resident-submit-error");
        resident.setInputFiles("#photo", new FilePayload("photo.png", "image/png", png(Color.ORANGE)));
        resident.click("form button[type=submit].primary");
        resident.waitForURL("**/public/submitted");
        String code = resident.textContent("#tracking-code").trim();
        assertThat(code).matches("\\d{8}-\\d+");
        assertNoSidewaysScroll(resident);
        shot(resident, "02-resident-submitted");

        // 2. The agent finds it among the online requests and sets its category; records a call too,
        //    seeing the caller's history as a phone is typed.
        Page agent = signIn(desktop(), "agent");
        assertThat(agent.url()).endsWith("/intake");
        waitForMap(agent);
        // The map names its streets when the whole district shows (issue 16: places to find).
        agent.waitForSelector(".map .place-label.street span");
        assertThat(agent.locator(".map .place-label.street span").allTextContents()).anyMatch(name -> name.endsWith("街道"));
        shot(agent, "03-intake");
        String row = ".item:has-text('" + code + "')";
        agent.selectOption(row + " select", "0101");
        agent.click(row + " button[type=submit]");
        agent.waitForLoadState();
        assertThat(agent.textContent(".notice")).contains(code);
        agent.selectOption("#channel", "HOTLINE_12345");
        agent.fill("#title", "路灯不亮");
        agent.fill("#description", "幸福路北段路灯连续两晚不亮。");
        // The resident's number typed in: their earlier request shows as the caller's history.
        agent.fill("#reporterPhone", "13912345678");
        agent.waitForSelector("#caller-history-count");
        assertThat(agent.textContent("#caller-history")).contains(code);
        agent.fill("#reporterPhone", "13800001111");
        placeAt(agent, LAT, LNG);
        agent.click("#intake-form button[type=submit]");
        agent.waitForURL("**/intake/done/**");
        assertThat(agent.textContent("#created-code").trim()).matches("\\d{8}-\\d+");
        shot(agent, "04-intake-done");

        // 3. The dispatcher sends it to the urban management bureau, in a bulk dispatch.
        Page dispatcher = signIn(desktop(), "dispatcher");
        assertThat(dispatcher.url()).endsWith("/dispatch");
        dispatcher.check("input[name=ids][aria-label='" + code + "']");
        dispatcher.selectOption("#bulk-unit", String.valueOf(unitId("D-URBAN_MANAGEMENT")));
        shot(dispatcher, "05-dispatch");
        dispatcher.click("#bulk-form button[type=submit]");
        dispatcher.waitForLoadState();
        assertThat(dispatcher.textContent(".notice")).contains("1");

        // 4. The unit signs for it in its inbox and resolves it with a photo on the case page.
        Page handler = signIn(desktop(), "handler");
        assertThat(handler.url()).endsWith("/inbox");
        shot(handler, "06-inbox");
        handler.click("tr:has-text('" + code + "') button[type=submit]");
        handler.waitForLoadState();
        handler.click("a:has-text('" + code + "')");
        handler.waitForURL("**/cases/*");
        String casePath = java.net.URI.create(handler.url()).getPath();
        handler.click("#action-resolve summary");
        handler.click("#action-resolve button[type=submit]");
        handler.waitForLoadState();
        assertThat(handler.textContent("#action-resolve .field-error")).as("a result is required").isNotBlank();
        handler.fill("#action-resolve textarea[name=result]", "已联系环卫清运，垃圾已清理完毕。");
        handler.setInputFiles("#action-resolve input[type=file]", new FilePayload("done.png", "image/png", png(Color.GREEN)));
        handler.click("#action-resolve button[type=submit]");
        handler.waitForLoadState();
        assertThat(handler.textContent("#resolution")).contains("清理完毕");
        assertThat(handler.locator(".photos img").count()).isEqualTo(2);
        waitForMap(handler);
        shot(handler, "07-case-page");

        // 5. The grid worker verifies it on site, on a phone, with a photo.
        Page worker = signIn(phone(), "gridworker");
        assertThat(worker.url()).endsWith("/m");
        waitForMap(worker);
        assertNoSidewaysScroll(worker);
        shot(worker, "08-gridworker-tasks");
        worker.click(".task:has-text('" + code + "')");
        worker.waitForLoadState();
        waitForMap(worker);
        assertNoSidewaysScroll(worker);
        worker.check("input[name=passed][value=true]");
        worker.setInputFiles("#photo", new FilePayload("site.png", "image/png", png(Color.BLUE)));
        shot(worker, "09-gridworker-verify");
        worker.click("form button[type=submit].primary");
        worker.waitForURL("**/m");
        assertThat(worker.textContent(".notice")).contains(code);
        worker.navigate(url("/m/report"));
        waitForMap(worker);
        assertNoSidewaysScroll(worker);
        shot(worker, "10-gridworker-report");

        // 6. The resident looks it up and rates it.
        resident.navigate(url("/public/track?code=" + code));
        resident.fill("#phone", "5678");
        resident.click("form button[type=submit].primary");
        resident.waitForLoadState();
        assertThat(resident.textContent("#status-state")).isEqualTo("已核查");
        assertThat(resident.textContent("#status")).contains("清理完毕");
        resident.check("input[name=stars][value='5']");
        resident.click("#status button[type=submit]");
        resident.waitForLoadState();
        assertThat(resident.textContent("#status-state")).isEqualTo("已回访");
        assertNoSidewaysScroll(resident);
        shot(resident, "11-resident-rated");
        assertThat(resident.textContent("#messages")).as("the text messages about the case").contains(code);
        resident.click("#sms-opt-out");
        resident.waitForSelector("#opted-out");
        assertThat(resident.textContent("#status-state")).isEqualTo("已回访");

        // 7. The leader's big screen shows today's figures, the charts and the heat map.
        Page leader = signIn(desktop(), "district");
        assertThat(leader.url()).endsWith("/dashboard");
        leader.waitForSelector("#chart-trend canvas");
        leader.waitForSelector("#heat-map .leaflet-interactive", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertThat(Integer.parseInt(leader.textContent("#today-received").trim())).isGreaterThanOrEqualTo(2);
        shot(leader, "12-dashboard");

        // 8. The same case page in English for the dispatcher, the whole timeline on it.
        dispatcher.navigate(url(casePath + "?lang=en"));
        assertThat(dispatcher.textContent("h2:has-text('Timeline')")).isNotNull();
        assertThat(dispatcher.locator("ol.timeline li").count()).isGreaterThanOrEqualTo(6);
        shot(dispatcher, "13-case-page-en");

        // 9. The leader's ranking for this month; a count opens the cases behind it, this case among them.
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        leader.navigate(url("/assessment?month=" + month + "&dimension=UNIT"));
        assertThat(leader.locator("#ranking tbody tr").count()).isGreaterThanOrEqualTo(1);
        shot(leader, "14-assessment-ranking");
        leader.navigate(url("/assessment?month=" + month + "&dimension=UNIT&lang=zh"));
        assertThat(String.join(" ", leader.locator("span.weight").allTextContents())).contains("满意率")
                .doesNotContain("satisfactionRate"); // the score weights by their Chinese names
        com.microsoft.playwright.Locator resolvedCount = leader.locator("#ranking a[href*='measure=resolved']")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText(java.util.regex.Pattern.compile("^[1-9][0-9]*$"))).first();
        String resolved = resolvedCount.textContent().trim();
        resolvedCount.click();
        leader.waitForLoadState();
        assertThat(leader.textContent("#drill-figure")).startsWith("数值 " + resolved + "，");
        assertThat(leader.locator("table.cases tbody tr td a").count()).isGreaterThanOrEqualTo(1);
        assertThat(leader.textContent("#drill-what")).endsWith("办结量");
        assertThat(leader.textContent("#drill-page")).isEqualTo("第 1 / 1 页");
        shot(leader, "15-assessment-cases");
        // One case a page: the pager walks through them.
        leader.navigate(leader.url() + "&size=1");
        java.util.regex.Matcher pageOf = java.util.regex.Pattern.compile("^第 1 / ([0-9]+) 页$")
                .matcher(leader.textContent("#drill-page"));
        assertThat(pageOf.matches()).as(leader.textContent("#drill-page")).isTrue();
        assertThat(leader.locator("table.cases tbody tr td a").count()).isEqualTo(1);
        if (Integer.parseInt(pageOf.group(1)) > 1) {
            String first = leader.textContent("table.cases tbody tr td a");
            leader.click("#drill-next");
            leader.waitForLoadState();
            assertThat(leader.textContent("#drill-page")).isEqualTo("第 2 / " + pageOf.group(1) + " 页");
            assertThat(leader.textContent("table.cases tbody tr td a")).isNotEqualTo(first);
            assertThat(leader.locator("#drill-previous").count()).isEqualTo(1);
        } else {
            assertThat(leader.locator("#drill-next").count()).isZero();
        }

        // 10. The dispatcher's ledger: every case, 50 a page, a page further on; personal data asked
        //     for without a purpose is refused beside the purpose field; then the rated cases,
        //     exported to Excel with a progress page.
        dispatcher.navigate(url("/ledger?lang=zh"));
        long allCases = http().get("/api/cases?size=1", "dispatcher").body().get("total").asLong();
        if (allCases > 50) {
            dispatcher.click("#ledger-next");
            assertThat(dispatcher.textContent("#ledger-page")).startsWith("第 2 /");
            assertThat(dispatcher.locator("table.cases tbody tr").count()).isBetween(1, 50);
        } else {
            assertThat(dispatcher.locator("#ledger-next").count()).isZero();
            assertThat(dispatcher.locator("table.cases tbody tr").count()).isEqualTo((int) allCases);
        }
        dispatcher.check("input[name=personalData]");
        dispatcher.click("#export-csv");
        assertThat(dispatcher.getAttribute("#purpose", "aria-invalid")).isEqualTo("true");
        assertThat(dispatcher.locator("#purpose ~ .field-error").count()).isEqualTo(1);
        dispatcher.navigate(url("/ledger?state=RATED&lang=zh"));
        assertThat(dispatcher.textContent("#ledger-total")).startsWith("共");
        shot(dispatcher, "16-ledger");
        dispatcher.click("#export-xlsx");
        dispatcher.waitForSelector("#export-download");
        com.microsoft.playwright.Download download = dispatcher.waitForDownload(() -> dispatcher.click("#export-download"));
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        shot(dispatcher, "17-export-done");

        // 11. The leader issues an assignment sheet from the sheets page: an item without its due date is
        //     refused beside its row with what was typed kept; a row can be added, empty rows are skipped.
        //     The owning unit's handler sees the item among its open items and crosses it off with what
        //     was done; the sheet shows the progress.
        long urban = unitId("D-URBAN_MANAGEMENT");
        leader.navigate(url("/ledger/sheets?lang=zh"));
        String firstRow = "#issue-items [data-item-row]:nth-child(1) ";
        leader.fill("#issue-title", "走查交办单");
        leader.fill("#issue-programme", "走查专项");
        leader.fill(firstRow + "input[name=content]", "东门垃圾点每日清运");
        leader.selectOption(firstRow + "select[name=ownerUnitId]", String.valueOf(urban));
        leader.click("#issue-submit");
        leader.waitForLoadState();
        assertThat(leader.textContent(firstRow + ".field-error")).isEqualTo("必填");
        assertThat(leader.inputValue(firstRow + "input[name=content]")).isEqualTo("东门垃圾点每日清运");
        assertThat(leader.inputValue(firstRow + "select[name=ownerUnitId]")).isEqualTo(String.valueOf(urban));
        shot(leader, "17b-issue-sheet-refused");
        int rows = leader.locator("#issue-items [data-item-row]").count();
        leader.click("[data-add-row]");
        assertThat(leader.locator("#issue-items [data-item-row]").count()).isEqualTo(rows + 1);
        leader.fill(firstRow + "input[name=dueDate]", java.time.LocalDate.now().plusDays(3).toString());
        leader.click("#issue-submit");
        leader.waitForURL(java.util.regex.Pattern.compile(".*/ledger/sheets/\\d+$"));
        long sheetId = Long.parseLong(leader.url().replaceAll(".*/ledger/sheets/", ""));
        assertThat(leader.textContent("#sheet-progress")).isEqualTo("0 / 1");
        handler.navigate(url("/ledger/sheets?lang=zh"));
        assertThat(handler.textContent("#my-items")).contains("东门垃圾点每日清运");
        handler.click("#sheets a:has-text('走查交办单')");
        handler.waitForLoadState();
        assertThat(handler.url()).endsWith("/ledger/sheets/" + sheetId);
        shot(handler, "18-assignment-sheet");
        handler.fill("#item-1 textarea[name=result]", "已安排环卫车每日清运");
        handler.click("#item-1 button[type=submit]");
        handler.waitForLoadState();
        assertThat(handler.textContent("#item-1 .item-state")).isEqualTo("已销号");
        assertThat(handler.textContent("#sheet-progress")).isEqualTo("1 / 1");
        com.microsoft.playwright.Download sheetFile = handler.waitForDownload(() -> handler.click("#sheet-xlsx"));
        assertThat(sheetFile.suggestedFilename()).isEqualTo("assignment-sheet-" + sheetId + ".xlsx");
        shot(handler, "19-assignment-sheet-crossed-off");
    }
}
