package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * A volunteer's way from registering to a reward, on a phone, with the community's organiser and
 * a merchant at their desks: register, sign up, check in and out with the code the organiser
 * shows, the organiser confirms the time, the merchant publishes a reward, the volunteer redeems
 * it and the merchant hands it over. Screenshots in target/screenshots (40-49).
 */
class VolunteerDayTest extends BrowserTest {

    @Test
    void aVolunteerRegistersServesEarnsAndRedeemsAReward() {
        Page resident = phone();
        resident.navigate(url("/public/volunteer"));
        resident.fill("#name", "周志愿");
        resident.fill("#phone", String.format("1881%07d", System.nanoTime() % 10_000_000));
        resident.selectOption("#communityCode", "320706001001");
        resident.fill("#password", "volunteer-pass");
        Browser.shot(resident, "40-volunteer-register");
        resident.click("#register-form button[type=submit]");
        String number = resident.textContent("#volunteer-number").trim();
        assertThat(number).matches("v[0-9]{6}");
        Browser.shot(resident, "41-volunteer-registered");

        Page organiser = signIn(desktop(), "h-c001001");
        organiser.navigate(url("/volunteering?community=320706001001"));
        String title = "楼道清洁志愿行动" + (System.nanoTime() % 10000);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        organiser.fill("#activity-form input[name=title]", title);
        organiser.fill("#activity-form input[name=place]", "朝阳社区3号楼");
        organiser.fill("#activity-form input[name=startsAt]", now.minusHours(1).format(local));
        organiser.fill("#activity-form input[name=endsAt]", now.plusHours(3).format(local));
        organiser.click("#activity-form button[type=submit]");
        assertThat(organiser.textContent("#activity h2")).isEqualTo(title);

        Page volunteer = signIn(resident, number + ":volunteer-pass");
        assertThat(volunteer.url()).endsWith("/v");
        volunteer.click(".activity:has-text('" + title + "') button");
        assertThat(volunteer.textContent(".signup:has-text('" + title + "')")).contains(title);
        Browser.assertNoSidewaysScroll(volunteer);
        Browser.shot(volunteer, "42-volunteer-signed-up");

        organiser.click("#show-code");
        String code = organiser.textContent("#check-code").trim();
        assertThat(code).matches("[0-9]{6}");
        Browser.shot(organiser, "43-organiser-check-code");
        volunteer.fill(".signup:has-text('" + title + "') input[name=code]", code);
        volunteer.click(".signup:has-text('" + title + "') button");
        volunteer.fill(".signup:has-text('" + title + "') input[name=code]", code);
        volunteer.click(".signup:has-text('" + title + "') button");
        assertThat(volunteer.textContent(".signup:has-text('" + title + "')")).contains("等待组织者确认");

        organiser.reload();
        organiser.fill("#signups tr:has-text('" + number + "') input[name=minutes]", "150");
        organiser.click("#signups tr:has-text('" + number + "') button.confirm");
        assertThat(organiser.textContent("#signups tr:has-text('" + number + "')")).contains("获得 2 分");
        Browser.shot(organiser, "44-organiser-confirmed");

        organiser.fill("#merchant-form input[name=name]", "朝阳爱心便利店");
        organiser.fill("#merchant-form input[name=address]", "朝阳路8号");
        organiser.fill("#merchant-form input[name=password]", "merchant-pass");
        organiser.click("#merchant-form button[type=submit]");
        String registered = organiser.textContent("#merchant-registered");
        String merchantAccount = registered.substring(registered.lastIndexOf(' ') + 1).trim();
        assertThat(merchantAccount).matches("m[0-9]{6}");

        Page merchant = signIn(desktop(), merchantAccount + ":merchant-pass");
        assertThat(merchant.url()).endsWith("/v/merchant");
        merchant.fill("#reward-form input[name=title]", "环保洗衣液" + title.substring(title.length() - 4));
        merchant.fill("#reward-form input[name=pointsPrice]", "2");
        merchant.fill("#reward-form input[name=stock]", "3");
        merchant.click("#reward-form button[type=submit]");
        assertThat(merchant.textContent("#my-rewards")).contains("剩余 3 件");

        volunteer.navigate(url("/v"));
        assertThat(volunteer.textContent("#balance").trim()).isEqualTo("2");
        volunteer.click(".reward:has-text('" + "环保洗衣液" + title.substring(title.length() - 4) + "') button");
        String redemption = volunteer.textContent("#redemption-code").trim();
        assertThat(volunteer.textContent("#balance").trim()).isEqualTo("0");
        assertThat(volunteer.textContent("#ledger")).contains("兑换").contains("服务获得");
        Browser.shot(volunteer, "45-volunteer-redeemed");

        merchant.navigate(url("/v/merchant"));
        merchant.fill("#honour-form input[name=code]", redemption);
        merchant.click("#honour-form button[type=submit]");
        assertThat(merchant.textContent("#honoured")).contains("周志愿");
        assertThat(merchant.textContent("#redemptions")).contains(redemption).contains("已领取");
        Browser.shot(merchant, "46-merchant-honoured");

        assertThat(volunteer.navigate(url("/dispatch")).status()).as("a resident's account opens no staff page").isEqualTo(403);
        organiser.navigate(url("/volunteering?community=320706001001"));
        assertThat(organiser.textContent("#report")).contains("服务");
        Browser.shot(organiser, "47-organiser-report");
    }
}
