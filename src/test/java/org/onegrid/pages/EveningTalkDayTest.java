package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * A village evening talk on the pages, from topics to minutes to a forwarded case: a resident
 * raises a topic on the village's public page and a grid worker from the phone; the secretary
 * plans the meeting (the topics go on its agenda), sends the notice, minutes one topic forwarded
 * to the town and one settled on the spot, and closes the minutes; the forwarded topic is a case
 * at the town that leads back to its topic; the town signs for it and resolves it; the next
 * meeting opens with it done, and the village's public page shows the same. Screenshots in
 * target/screenshots (50-59).
 */
class EveningTalkDayTest extends BrowserTest {

    /** The town's last village: the demo's season of talks leaves it to this test. */
    private static final String VILLAGE = "320706006007";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void aMeetingGoesFromTopicsToMinutesToAForwardedCaseResolvedByTheNextMeeting() {
        String mark = String.valueOf(System.nanoTime() % 10000);
        String lamp = "村口路灯不亮" + mark;
        String ditch = "水渠堵塞" + mark;

        Page resident = phone();
        resident.navigate(url("/public/talks?community=" + VILLAGE));
        resident.fill("#raise-form #title", lamp);
        resident.fill("#raise-form #detail", "村口到小学一段路灯坏了一个月");
        resident.fill("#raise-form #name", "张秀英");
        resident.fill("#raise-form #phone", String.format("1391%07d", System.nanoTime() % 10_000_000));
        resident.click("#raise-form button[type=submit]");
        assertThat(resident.textContent("#raised")).contains(lamp);
        Browser.assertNoSidewaysScroll(resident);
        Browser.shot(resident, "50-talk-resident-raises");

        Page worker = signIn(phone(), "gw-006007");
        worker.navigate(url("/m/talks"));
        worker.fill("#raise-form #title", ditch);
        worker.click("#raise-form button[type=submit]");
        assertThat(worker.textContent("#raised")).contains(ditch);
        assertThat(worker.textContent("#waiting")).contains(ditch);
        Browser.shot(worker, "51-talk-grid-worker-raises");

        Page secretary = signIn(desktop(), "h-c006007");
        secretary.navigate(url("/talks?community=" + VILLAGE));
        assertThat(secretary.textContent("#waiting")).contains(lamp).contains(ditch).contains("张*");
        LocalDateTime now = LocalDateTime.now(ZONE);
        secretary.fill("#plan-form input[name=startsAt]", now.minusMinutes(30).format(LOCAL));
        secretary.fill("#plan-form input[name=place]", "村委会议室" + mark);
        secretary.fill("#plan-form input[name=host]", "村支书 周华");
        secretary.click("#plan-form button[type=submit]");
        assertThat(secretary.textContent("#talk h2")).contains("村委会议室" + mark);
        assertThat(secretary.textContent("#agenda")).contains(lamp).contains(ditch);
        secretary.click("#send-notice");
        assertThat(secretary.textContent("#talk-state")).contains("通知已于");
        Browser.shot(secretary, "52-talk-agenda-noticed");

        resident.reload();
        assertThat(resident.textContent("#announced")).contains("村委会议室" + mark).contains(lamp);

        // The minutes: the lamp forwarded to the town, the ditch settled on the spot.
        String lampTopic = ".topic:has-text('" + lamp + "')";
        secretary.check(lampTopic + " input[value=FORWARDED]");
        secretary.fill(lampTopic + " input[name=action]", "镇里更换村口路灯");
        secretary.fill(lampTopic + " input[name=ownerName]", "镇城建办 王主任");
        secretary.fill(lampTopic + " input[name=dueOn]", LocalDate.now(ZONE).plusDays(10).toString());
        secretary.selectOption(lampTopic + " select[name=unitId]",
                new com.microsoft.playwright.options.SelectOption().setLabel("浦南镇人民政府"));
        secretary.click(lampTopic + " button.decide");
        String caseCode = secretary.textContent("#forwarded-case").replaceAll(".* ", "").trim();
        assertThat(caseCode).isNotBlank();
        assertThat(secretary.textContent(lampTopic + " .outcome")).contains("上交").contains(caseCode);

        String ditchTopic = ".topic:has-text('" + ditch + "')";
        secretary.click(ditchTopic + " button.decide");
        assertThat(String.join(" ", secretary.locator(".field-error").allTextContents()))
                .as("an empty decision names its fields, in Chinese").contains("责任人：").contains("完成时限：");
        secretary.fill(ditchTopic + " input[name=action]", "村民小组组织清淤");
        secretary.fill(ditchTopic + " input[name=ownerName]", "三组组长");
        secretary.fill(ditchTopic + " input[name=dueOn]", LocalDate.now(ZONE).plusDays(3).toString());
        secretary.click(ditchTopic + " button.decide");
        assertThat(secretary.textContent(ditchTopic + " .outcome")).contains("当场解决");
        secretary.fill("#minutes-form input[name=attendance]", "42");
        secretary.fill("#minutes-form textarea[name=minutes]", "到会村民42人，议定两项。");
        secretary.click("#minutes-form button[type=submit]");
        assertThat(secretary.textContent("#talk-state")).contains("到会 42 人");
        Browser.shot(secretary, "53-talk-minuted");

        // The forwarded case at the town leads back to its topic; the town signs for it and resolves it.
        Page town = signIn(desktop(), "h-s006");
        town.navigate(url("/inbox"));
        town.click("tr:has-text('" + caseCode + "') button[type=submit]");
        town.waitForLoadState();
        town.click("a:has-text('" + caseCode + "')");
        town.waitForURL("**/cases/*");
        assertThat(town.textContent("#talk-topic")).contains(lamp).contains("镇城建办 王主任");
        town.click("#action-resolve summary");
        town.fill("#action-resolve textarea[name=result]", "已更换村口路灯3盏。");
        town.click("#action-resolve button[type=submit]");
        town.waitForLoadState();
        assertThat(town.textContent("#resolution")).contains("路灯");
        Browser.shot(town, "54-talk-forwarded-case");

        // The next meeting opens with the last one's items as they stand.
        secretary.navigate(url("/talks?community=" + VILLAGE));
        secretary.fill("#plan-form input[name=startsAt]", now.plusDays(14).format(LOCAL));
        secretary.fill("#plan-form input[name=place]", "文化广场" + mark);
        secretary.fill("#plan-form input[name=host]", "村支书 周华");
        secretary.click("#plan-form button[type=submit]");
        assertThat(secretary.textContent("#progress .progress-item:has-text('" + lamp + "')")).contains("已办结").contains(caseCode);
        assertThat(secretary.textContent("#progress .progress-item:has-text('" + ditch + "')")).contains("办理中");
        Browser.shot(secretary, "55-talk-next-meeting-progress");

        resident.reload();
        assertThat(resident.textContent("#last-progress")).contains(lamp).contains("已办结");
        Browser.shot(resident, "56-talk-public-progress");

        Page leader = signIn(desktop(), "district");
        leader.navigate(url("/assessment?month=" + LocalDate.now(ZONE).toString().substring(0, 7)));
        assertThat(leader.textContent("#talk-figures")).contains("浦南镇");
        Browser.shot(leader, "57-talk-figures");
    }
}
