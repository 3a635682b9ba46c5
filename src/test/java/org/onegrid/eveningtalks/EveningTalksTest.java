package org.onegrid.eveningtalks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evening talks, in words: topics raised before a meeting go on its agenda; a topic forwarded in
 * the minutes is a case at the town, linked both ways, whose resolution shows on the next
 * meeting's progress report; a matter settled on the spot shows done once its owner says so and
 * overdue once its day has passed; topics not reached wait for the next meeting; the figures
 * count what was collected, settled, forwarded, resolved and overdue.
 */
class EveningTalksTest extends ApiTest {

    /** A village of the test's own (the demo's third street, third community): no other test plans talks there. */
    private static final String VILLAGE = "320706003003";
    private static final String SECRETARY = "h-c003003";
    private static final String TOWN_HANDLER = "h-s003";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EveningTalks talks;

    private long plan(Instant startsAt) {
        Response r = http().post("/api/evening-talks", SECRETARY, """
                {"communityCode":"%s","startsAt":"%s","place":"村委会议室","host":"村支书 周华"}""".formatted(VILLAGE, startsAt));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private long townOffice() {
        return jdbc.sql("SELECT id FROM unit WHERE code = 'S003'").query(Long.class).single();
    }

    private JsonNode decide(long topicId, String body) {
        Response r = http().post("/api/evening-talks/topics/" + topicId + "/decision", SECRETARY, body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        return r.body();
    }

    @Test
    void aForwardedTopicIsACaseWhoseResolutionShowsOnTheNextMeetingsProgressReport() {
        Instant started = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(ZONE);
        // Topics raised before any meeting wait; planning the meeting puts them on its agenda.
        Response resident = http().post("/api/public/evening-talks/topics", null, """
                {"communityCode":"%s","title":"村口路灯不亮","detail":"村口到小学一段路灯坏了一个月","name":"张秀英","phone":"13912345601"}"""
                .formatted(VILLAGE));
        assertThat(resident.status()).as(String.valueOf(resident.body())).isEqualTo(201);
        assertThat(resident.body().get("raisedBy").asText()).as("a resident's name is not shown whole").isEqualTo("张*");
        assertThat(resident.body().toString()).doesNotContain("13912345601");
        Response worker = http().post("/api/evening-talks/topics", "gridworker", """
                {"communityCode":"%s","title":"x"}""".formatted(VILLAGE));
        assertThat(worker.status()).as("a grid worker raises topics for their own villages only").isEqualTo(403);
        Response secretary = http().post("/api/evening-talks/topics", SECRETARY, """
                {"communityCode":"%s","title":"垃圾清运时间不固定","detail":"希望固定每天早上清运"}""".formatted(VILLAGE));
        assertThat(secretary.status()).isEqualTo(201);
        Response third = http().post("/api/evening-talks/topics", SECRETARY, """
                {"communityCode":"%s","title":"广场舞音量太大"}""".formatted(VILLAGE));
        long lamp = resident.body().get("id").asLong();
        long rubbish = secretary.body().get("id").asLong();
        long music = third.body().get("id").asLong();

        long first = plan(started);
        JsonNode agenda = http().get("/api/evening-talks/" + first, SECRETARY).body();
        assertThat(agenda.get("topics").findValuesAsText("title")).contains("村口路灯不亮", "垃圾清运时间不固定", "广场舞音量太大");
        assertThat(http().post("/api/evening-talks/" + first + "/notice", SECRETARY, null).status()).isEqualTo(200);
        int sms = jdbc.sql("SELECT count(*) FROM notification WHERE event = 'MEETING_NOTICE' AND address = '13912345601'")
                .query(Integer.class).single();
        assertThat(sms).as("the resident who raised a topic is told of the meeting by SMS").isEqualTo(1);
        http().post("/api/evening-talks/" + first + "/notice", SECRETARY, null);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE event = 'MEETING_NOTICE' AND address = '13912345601'")
                .query(Integer.class).single()).as("the notice goes out once").isEqualTo(1);
        assertThat(http().get("/api/public/evening-talks?community=" + VILLAGE, null).body().get("announced").get("place").asText())
                .isEqualTo("村委会议室");

        // The minutes: the lamp forwarded to the town, the rubbish settled on the spot, the music not reached.
        Response missingOwner = http().post("/api/evening-talks/topics/" + lamp + "/decision", SECRETARY, """
                {"outcome":"FORWARDED","action":"更换路灯","dueOn":"%s"}""".formatted(today.plusDays(10)));
        assertThat(missingOwner.status()).isEqualTo(400);
        assertThat(missingOwner.body().get("errors").findValuesAsText("field")).contains("ownerName", "unitId");
        Response otherTown = http().post("/api/evening-talks/topics/" + lamp + "/decision", SECRETARY, """
                {"outcome":"FORWARDED","action":"更换路灯","ownerName":"王主任","dueOn":"%s","unitId":%d}"""
                .formatted(today.plusDays(10), jdbc.sql("SELECT id FROM unit WHERE code = 'S001'").query(Long.class).single()));
        assertThat(otherTown.status()).as("forwarded to the village's own town only").isEqualTo(400);
        JsonNode forwarded = decide(lamp, """
                {"outcome":"FORWARDED","action":"更换村口路灯","ownerName":"镇城建办 王主任","dueOn":"%s","unitId":%d}"""
                .formatted(today.plusDays(10), townOffice()));
        long caseId = forwarded.get("caseId").asLong();
        JsonNode c = http().get("/api/cases/" + caseId, "dispatcher").body();
        assertThat(c.get("channel").asText()).isEqualTo("VILLAGE_MEETING");
        assertThat(c.get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(c.get("ownerUnit").get("id").asLong()).as("sent to the town").isEqualTo(townOffice());
        assertThat(c.get("gridCode").asText()).as("located in the village").startsWith(VILLAGE);
        assertThat(c.get("description").asText()).contains("议题 #" + lamp, "镇城建办 王主任");
        assertThat(http().get("/api/evening-talks/topics/by-case/" + caseId, "dispatcher").body().get("id").asLong())
                .as("the case leads back to its topic").isEqualTo(lamp);
        assertThat(http().post("/api/evening-talks/topics/" + lamp + "/decision", SECRETARY, """
                {"outcome":"SETTLED","action":"x","ownerName":"x","dueOn":"%s"}""".formatted(today)).status())
                .as("decided once").isEqualTo(409);
        decide(rubbish, """
                {"outcome":"SETTLED","action":"保洁员每天7点前清运","ownerName":"村委 李会计","dueOn":"%s"}""".formatted(today.plusDays(1)));
        Response closed = http().post("/api/evening-talks/" + first + "/minutes", SECRETARY,
                "{\"attendance\":46,\"minutes\":\"到会村民46人，议题3个，当场解决1个，上交镇里1个。\"}");
        assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(200);
        assertThat(http().post("/api/evening-talks/" + first + "/minutes", SECRETARY,
                "{\"attendance\":46,\"minutes\":\"again\"}").status()).as("minuted once").isEqualTo(409);
        assertThat(talks.topic(music).talkId()).as("a topic not reached waits for the next meeting").isNull();

        // The next meeting opens with the last one's items as they stand.
        long second = plan(started.plus(14, ChronoUnit.DAYS));
        assertThat(talks.topic(music).talkId()).isEqualTo(second);
        JsonNode before = http().get("/api/evening-talks/" + second + "/progress", SECRETARY).body();
        assertThat(before.get("previousTalkId").asLong()).isEqualTo(first);
        assertThat(progressOf(before, lamp)).isEqualTo("IN_PROGRESS");
        assertThat(progressOf(before, rubbish)).isEqualTo("IN_PROGRESS");

        assertThat(http().post("/api/cases/" + caseId + "/accept", TOWN_HANDLER, "{}").status()).isEqualTo(200);
        assertThat(http().post("/api/cases/" + caseId + "/resolve", TOWN_HANDLER, "{\"result\":\"已更换路灯3盏\"}").status())
                .isEqualTo(200);
        assertThat(http().post("/api/evening-talks/topics/" + rubbish + "/done", SECRETARY, null).status()).isEqualTo(200);
        JsonNode after = http().get("/api/evening-talks/" + second + "/progress", SECRETARY).body();
        assertThat(progressOf(after, lamp)).as("the forwarded case resolved").isEqualTo("DONE");
        assertThat(progressOf(after, rubbish)).isEqualTo("DONE");

        String month = today.toString().substring(0, 7);
        JsonNode figures = http().get("/api/evening-talks/figures?code=" + VILLAGE + "&month=" + month, "district").body().get(0);
        assertThat(figures.get("collected").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(figures.get("settled").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.get("forwarded").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.get("forwardedResolved").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSettledMatterPastItsDayIsOverdueAndABadDecisionNamesItsField() {
        LocalDate today = LocalDate.now(ZONE);
        Instant lastMonth = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long talk = plan(lastMonth);
        long topic = http().post("/api/evening-talks/topics", SECRETARY, """
                {"communityCode":"%s","title":"水渠堵塞"}""".formatted(VILLAGE)).body().get("id").asLong();
        jdbc.sql("UPDATE talk_topic SET talk_id = ? WHERE id = ?").params(talk, topic).update();
        Response early = http().post("/api/evening-talks/topics/" + topic + "/decision", SECRETARY, """
                {"outcome":"SETTLED","action":"清淤","ownerName":"村民小组长","dueOn":"%s"}""".formatted(today.plusYears(1)));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().get("errors").findValuesAsText("field")).containsExactly("dueOn");
        Response unknown = http().post("/api/evening-talks/topics/" + topic + "/decision", SECRETARY,
                "{\"outcome\":\"MAYBE\",\"action\":\"x\",\"ownerName\":\"x\"}");
        assertThat(unknown.body().get("errors").findValuesAsText("field")).contains("outcome", "dueOn");
        LocalDate meetingDay = lastMonth.atZone(ZONE).toLocalDate();
        decide(topic, """
                {"outcome":"SETTLED","action":"清淤","ownerName":"村民小组长","dueOn":"%s"}""".formatted(meetingDay.plusDays(3)));
        List<EveningTalks.Item> items = new ArrayList<>(talks.itemsOfTalk(talk));
        assertThat(items).filteredOn(i -> i.topic().id() == topic).extracting(EveningTalks.Item::progress)
                .containsExactly(TopicProgress.OVERDUE);
        assertThat(http().post("/api/evening-talks/topics/" + topic + "/decision", "gridworker", "{}").status())
                .as("only the village's office decides").isEqualTo(403);
    }

    private static String progressOf(JsonNode progress, long topicId) {
        for (JsonNode item : progress.get("items")) {
            if (item.get("topic").get("id").asLong() == topicId) {
                return item.get("progress").asText();
            }
        }
        throw new AssertionError("topic " + topicId + " is not on the report: " + progress);
    }
}
