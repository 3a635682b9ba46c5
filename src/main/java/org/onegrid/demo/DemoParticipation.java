package org.onegrid.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.eveningtalks.EveningTalks;
import org.onegrid.volunteering.Activities;
import org.onegrid.volunteering.PointsLedger;
import org.onegrid.volunteering.Volunteers;
import org.springframework.stereotype.Component;

/**
 * The demo district's participation: a season of evening talks in the town's villages (two
 * meetings minuted, with topics settled on the spot, forwarded to the town and resolved or not,
 * one overdue, and the next meeting announced) and a month of volunteering in three communities
 * (volunteers, served activities with points credited, an activity to sign up for, merchants'
 * rewards, redemptions, one handed over).
 */
@Component
class DemoParticipation {

    /** The demo volunteers' and merchants' password (the accounts' policy asks for 8 characters). */
    static final String PARTICIPANT_PASSWORD = "demo-pass";
    /** The town's villages with a season of talks; the last village of the town is left to the tests. */
    private static final int TALK_VILLAGES = 6;
    private static final String[] VOLUNTEERS = {"周建华", "吴秀兰", "郑国强", "王桂芳", "冯志明", "陈淑英"};
    private static final String[][] ACTIVITIES = {{"楼道清洁志愿行动", "小区各楼道"}, {"关爱独居老人上门走访", "社区服务中心"},
            {"垃圾分类宣传引导", "小区垃圾分类投放点"}};
    private static final String[][] MERCHANTS = {{"爱心便利店", "环保洗衣液", "3"}, {"惠民理发店", "免费理发一次", "4"}};
    /**
     * The season's topics: title, detail, who raised it (R resident, W grid worker, S secretary),
     * the meeting it was raised for (2: two months ago, 1: last month, 0: the next one), and its
     * decision: S settled on the spot or F forwarded to the town, what is done, by whom, and
     * whether it was done (Y) or not (N); blank decision: not reached.
     */
    private static final String[][] TOPICS = {
            {"村口路灯不亮", "村口到小学一段路灯坏了一个多月，晚上接孩子不安全", "R", "2", "F", "镇城管办组织维修更换路灯", "镇城管办 李主任", "Y"},
            {"垃圾清运时间不固定", "希望固定每天早上清运，夏天气味大", "W", "2", "S", "保洁员每天7点前清运完毕", "保洁员 王师傅", "Y"},
            {"灌溉水渠淤堵", "东片水渠淤泥多，春灌前需要清淤", "S", "2", "S", "村民小组组织清淤", "三组组长", "N"},
            {"广场舞音量太大", "晚上九点后音响还很响，影响休息", "R", "2", "", "", "", ""},
            {"村道坑洼积水", "通往镇上的村道有几处坑洼，下雨积水", "W", "1", "F", "镇建设办安排修补路面", "镇建设办 张工", "N"},
            {"健身器材损坏", "文化广场两台健身器材松动", "R", "1", "S", "村委会联系厂家维修", "村文书", "Y"},
            {"农田机耕路窄", "机耕路太窄，收割机进不去", "S", "1", "", "", "", ""},
            {"村卫生室周末不开门", "希望周末安排值班医生", "R", "0", "", "", "", ""}};
    private static final String[] RESIDENTS = {"张秀英", "李德全", "王淑珍", "刘长海"};

    private final EveningTalks talks;
    private final Volunteers volunteers;
    private final Activities activities;
    private final PointsLedger ledger;
    private final DirectoryService directory;
    private final CaseTransitions transitions;
    private final CalendarService calendars;
    private final Clock clock;

    DemoParticipation(EveningTalks talks, Volunteers volunteers, Activities activities, PointsLedger ledger,
                      DirectoryService directory, CaseTransitions transitions, CalendarService calendars, Clock clock) {
        this.talks = talks;
        this.volunteers = volunteers;
        this.activities = activities;
        this.ledger = ledger;
        this.directory = directory;
        this.transitions = transitions;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** What the loader returns: how much participation it made. */
    record Made(int talks, int topics, int volunteers, int activities, int redemptions) {
    }

    Made load(long seed) {
        Random random = new Random(seed);
        int[] talkCounts = talks(random);
        int[] volunteering = volunteering(random);
        return new Made(talkCounts[0], talkCounts[1], volunteering[0], volunteering[1], volunteering[2]);
    }

    private StaffMember staff(String username) {
        return directory.staffByUsername(username).orElseThrow();
    }

    // ---- evening talks --------------------------------------------------------------------------

    private int[] talks(Random random) {
        ZoneId zone = calendars.calendar().zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        int meetings = 0;
        int topics = 0;
        for (int c = 0; c < TALK_VILLAGES; c++) {
            String village = DemoDistrict.communityCode(DemoDistrict.TOWN, c);
            StaffMember secretary = staff("h-c" + village.substring(6));
            StaffMember worker = staff("gw-" + village.substring(6));
            StaffMember townHandler = staff("h-s" + village.substring(6, 9));
            long townOffice = directory.unitByCode("S" + village.substring(6, 9)).orElseThrow().id();
            String name = DemoDistrict.communityName(DemoDistrict.TOWN, c);
            for (int round = 2; round >= 0; round--) {
                LocalDate day = round == 0 ? today.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))
                        : today.minusMonths(round).withDayOfMonth(Math.min(10 + c, 28));
                Instant startsAt = day.atTime(19, 30).atZone(zone).toInstant();
                Instant before = round == 0 ? now.minus(Duration.ofDays(2)) : startsAt.minus(Duration.ofDays(5));
                for (int t = 0; t < TOPICS.length; t++) {
                    if (TOPICS[t][3].equals(String.valueOf(round))) {
                        raise(village, c, t, secretary, worker, before.plus(Duration.ofHours(t)));
                        topics++;
                    }
                }
                EveningTalks.TalkView talk = talks.planAt(new EveningTalks.NewTalk(village, startsAt,
                        name + (round == 0 ? "文化广场" : "村委会议室"), "村党支部书记"), secretary, "demo-talk-" + round,
                        round == 0 ? now.minus(Duration.ofDays(1)) : before.plus(Duration.ofHours(12)));
                meetings++;
                if (round == 0) {
                    talks.sendNoticeAt(talk.id(), secretary, now.minus(Duration.ofHours(20)));
                    continue;
                }
                Instant during = startsAt.plus(Duration.ofMinutes(30));
                for (EveningTalks.TopicView topic : talk.topics()) {
                    decide(topic, round, day, during, secretary, townHandler, townOffice, random);
                    during = during.plus(Duration.ofMinutes(10));
                }
                talks.closeAt(talk.id(), 35 + random.nextInt(40), "村民代表、党员和网格员到会，逐项议定了收集的议题，"
                        + "未议完的转入下次夜话。（演示数据）", secretary, startsAt.plus(Duration.ofHours(2)));
            }
        }
        return new int[] {meetings, topics};
    }

    private void raise(String village, int villageIndex, int t, StaffMember secretary, StaffMember worker, Instant at) {
        String[] topic = TOPICS[t];
        String key = "demo-topic-" + t;
        switch (topic[2]) {
            case "R" -> talks.raiseAsResidentAt(new EveningTalks.NewTopic(village, topic[0], topic[1], RESIDENTS[t % RESIDENTS.length],
                    String.format("1390%d%d%05d", DemoDistrict.TOWN, villageIndex, 10 + t)), key, at);
            case "W" -> talks.raiseAt(new EveningTalks.NewTopic(village, topic[0], topic[1], null, null), worker, key, at);
            default -> talks.raiseAt(new EveningTalks.NewTopic(village, topic[0], topic[1], null, null), secretary, key, at);
        }
    }

    /**
     * Minutes a topic as the season says: one not reached at the meeting it was raised for waits,
     * and the next meeting settles it; a forwarded matter marked done the town resolves.
     */
    private void decide(EveningTalks.TopicView topic, int round, LocalDate day, Instant at, StaffMember secretary,
                        StaffMember townHandler, long townOffice, Random random) {
        String[] plan = Arrays.stream(TOPICS).filter(t -> t[0].equals(topic.title())).findFirst().orElseThrow();
        boolean carried = !plan[3].equals(String.valueOf(round));
        if (plan[4].isEmpty() && !carried) {
            return;
        }
        boolean forward = "F".equals(plan[4]);
        String action = plan[4].isEmpty() ? "村委会与广场舞队约定晚上九点前结束、音量调低" : plan[5];
        String owner = plan[4].isEmpty() ? "村妇联主席" : plan[6];
        EveningTalks.TopicView decided = talks.decideAt(topic.id(), new EveningTalks.Decision(forward ? "FORWARDED" : "SETTLED",
                action, owner, day.plusDays(forward ? 15 : 7 + random.nextInt(7)), forward ? townOffice : null), secretary, at);
        boolean done = plan[4].isEmpty() || "Y".equals(plan[7]);
        if (!done) {
            return;
        }
        if (!forward) {
            talks.markDoneAt(decided.id(), secretary, at.plus(Duration.ofDays(5)));
            return;
        }
        Instant accepted = at.plus(Duration.ofHours(14));
        try {
            transitions.performAt(decided.caseId(), CaseAction.ACCEPT, ActionRequest.EMPTY, townHandler, accepted);
            transitions.performAt(decided.caseId(), CaseAction.RESOLVE, new ActionRequest(null, null,
                    "已按夜话议定办理完毕（演示数据）", null, null, null, null, null), townHandler, accepted.plus(Duration.ofDays(3)));
        } catch (RuntimeException refused) {
            // the case stays with the town: the next meeting's report shows it in progress
        }
    }

    // ---- volunteering ---------------------------------------------------------------------------

    private int[] volunteering(Random random) {
        ZoneId zone = calendars.calendar().zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int[][] places = {{0, 0}, {0, 1}, {DemoDistrict.TOWN, 0}}; // (street, community)
        int people = 0;
        int published = 0;
        int redeemed = 0;
        for (int k = 0; k < places.length; k++) {
            String community = DemoDistrict.communityCode(places[k][0], places[k][1]);
            String communityName = DemoDistrict.communityName(places[k][0], places[k][1]);
            StaffMember organiser = staff("h-c" + community.substring(6));
            List<StaffMember> accounts = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int v = 0; v < VOLUNTEERS.length; v++) {
                Volunteers.Volunteer volunteer = volunteers.register(new Volunteers.NewVolunteer(VOLUNTEERS[v],
                        String.format("1370%d%06d", k, v + 1), community, PARTICIPANT_PASSWORD));
                accounts.add(staff(volunteer.number()));
                ids.add(volunteer.id());
                people++;
            }
            for (int a = 0; a < ACTIVITIES.length; a++) {
                LocalDate day = today.minusDays(7L * (ACTIVITIES.length - a) + k).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                Instant starts = day.atTime(9, 0).atZone(zone).toInstant();
                Activities.ActivityView activity = activities.publish(new Activities.NewActivity(community, ACTIVITIES[a][0],
                        ACTIVITIES[a][1], starts, starts.plus(Duration.ofHours(3)), 20, 1, 2), organiser);
                published++;
                for (int v = 0; v < accounts.size(); v++) {
                    if (random.nextInt(3) == 0) {
                        continue;
                    }
                    activities.signUpAt(activity.id(), accounts.get(v), starts.minus(Duration.ofDays(2)));
                    activities.confirmAt(activity.id(), ids.get(v), 60 + random.nextInt(120), organiser,
                            starts.plus(Duration.ofHours(4)));
                }
            }
            LocalDate next = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            Instant starts = next.atTime(9, 0).atZone(zone).toInstant();
            Activities.ActivityView upcoming = activities.publish(new Activities.NewActivity(community, "社区环境整治志愿服务",
                    "社区广场", starts, starts.plus(Duration.ofHours(2)), 15, 1, 2), organiser);
            activities.signUp(upcoming.id(), accounts.get(0));
            published++;
            for (String[] m : MERCHANTS) {
                Volunteers.Merchant merchant = volunteers.registerMerchant(new Volunteers.NewMerchant(
                        communityName + m[0], community, null, PARTICIPANT_PASSWORD), organiser);
                StaffMember shop = staff(merchant.username());
                PointsLedger.Reward reward = ledger.publish(new PointsLedger.NewReward(m[1], "凭兑换码到店领取（演示数据）",
                        Integer.valueOf(m[2]), 10), shop);
                for (int v = 0; v < 2; v++) {
                    StaffMember account = accounts.get(v + (m == MERCHANTS[0] ? 0 : 2));
                    if (ledger.balance(volunteers.requireVolunteer(account).id()) < reward.pointsPrice()) {
                        continue;
                    }
                    PointsLedger.Redemption r = ledger.redeem(reward.id(), account, "demo-" + reward.id() + "-" + v);
                    redeemed++;
                    if (v == 0) {
                        ledger.honour(r.code(), shop);
                    }
                }
            }
        }
        return new int[] {people, published, redeemed};
    }
}
