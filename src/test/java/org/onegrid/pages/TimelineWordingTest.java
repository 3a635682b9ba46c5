package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case page says each timeline entry in the reader's language, with times in the calendar's
 * zone (Asia/Shanghai), not in the English the case module writes for the API.
 */
class TimelineWordingTest extends ApiTest {

    @Autowired
    TimelineWording wording;

    @Autowired
    JdbcClient jdbc;

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void eachFormIsSaidInChineseWithLocalTimesAndNamedReasons() {
        assertThat(wording.say("5 stars, SATISFIED", ZH)).isEqualTo("5 星，满意");
        assertThat(wording.say("2 stars, DISSATISFIED: back to the unit (rework 1)", ZH))
                .isEqualTo("2 星，不满意，退回承办单位（第 1 次返工）");
        assertThat(wording.say("due 2026-12-02T10:00:00Z", ZH)).isEqualTo("办理时限 2026-12-02 18:00");
        assertThat(wording.say("NOT_OUR_FUNCTION by unit 2", ZH)).isEqualTo("退回：非本单位职责");
        assertThat(wording.say("to 海州区城市管理局 (unit 12)", ZH)).isEqualTo("派往 海州区城市管理局");
        assertThat(wording.say("approved 3 working days; due 2026-12-07T10:00:00Z", ZH))
                .isEqualTo("同意延期 3 个工作日，新时限 2026-12-07 18:00");
        assertThat(wording.say("to 区城市管理局 (unit 12); chosen by the dispatcher", ZH)).isEqualTo("派往 区城市管理局；调度员指定");
        assertThat(wording.say("category null -> 0101", ZH)).isEqualTo("类别 未分类 → 0101");
        assertThat(wording.say("to 朝阳社区居委会 (unit 40); routing: category 0101 暴露垃圾 is owned at COMMUNITY level by "
                + "COMMUNITY_COMMITTEE; grid 320706001001001 lies in 朝阳社区, served by 朝阳社区居委会", ZH))
                .isEqualTo("派往 朝阳社区居委会；按派单规则：暴露垃圾归社区一级处置，网格 320706001001001 属 朝阳社区，由 朝阳社区居委会 承办");
        assertThat(wording.say("5 stars, SATISFIED", Locale.ENGLISH)).isEqualTo("5 stars, satisfied");
        assertThat(wording.say("something the module never writes", ZH)).isEqualTo("something the module never writes");
    }

    @Test
    void everyDetailWrittenInTheSuitesDatabaseIsOfAKnownForm() {
        List<String> details = jdbc.sql("SELECT DISTINCT detail FROM case_event WHERE detail IS NOT NULL")
                .query(String.class).list();
        assertThat(details).isNotEmpty();
        assertThat(details.stream().filter(d -> !TimelineWording.known(d)).toList())
                .as("timeline details of no known form (add the form to TimelineWording and the bundles)").isEmpty();
    }
}
