package org.onegrid.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.DirectoryService.NewAssignment;
import org.onegrid.directory.DirectoryService.NewStaff;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.grid.Compounds;
import org.onegrid.gridwork.DutyRota;
import org.onegrid.gridwork.Inspections;
import org.onegrid.gridwork.Patrols;
import org.springframework.stereotype.Component;

/**
 * The demo district's grid work: every grid team with every post, a compound with buildings in
 * each base grid, checklists, and a month of patrols, inspections, cadres' postings and duty
 * shifts, so that every grid-work page shows something on a fresh start.
 */
@Component
class DemoGridWork {

    private static final String DEMO = "system:demo";
    private static final String[] COMPOUND_NAMES = {"花园", "新村", "雅苑", "家园"};
    private static final String[] RESIDENTS = {"张桂兰", "李建国", "王秀英", "刘志强", "陈玉梅", "杨宏伟", "赵淑珍", "黄文军",
            "周丽华", "吴德明", "徐春燕", "孙海涛"};
    private static final String[][] CHECKLISTS = {
            {"沿街商铺消防安全检查", "SHOP", "灭火器配备且在有效期内", "安全出口、疏散通道畅通", "无违规住人（三合一）", "电线无私拉乱接"},
            {"建筑工地文明施工检查", "CONSTRUCTION_SITE", "围挡完整", "裸土覆盖", "出入车辆冲洗", "夜间施工有许可"},
            {"小区物业管理检查", "COMPOUND", "楼道无堆物", "消防设施完好", "电动车集中充电", "垃圾分类投放点整洁"}};
    private static final String[] SHOPS = {"便利店", "小吃店", "五金店", "理发店", "药店", "建筑工地", "小区物业"};

    private final DirectoryService directory;
    private final Compounds compounds;
    private final Patrols patrols;
    private final Inspections inspections;
    private final DutyRota duty;
    private final CaseTransitions transitions;
    private final CalendarService calendars;
    private final Clock clock;

    DemoGridWork(DirectoryService directory, Compounds compounds, Patrols patrols, Inspections inspections, DutyRota duty,
                 CaseTransitions transitions, CalendarService calendars, Clock clock) {
        this.directory = directory;
        this.compounds = compounds;
        this.patrols = patrols;
        this.inspections = inspections;
        this.duty = duty;
        this.transitions = transitions;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** What the loader returns: how much grid work it made. */
    record Made(int compounds, int posts, int patrols, int inspections, int shifts) {
    }

    Made load(DemoLoader.Staffing staffing, long seed, String passwordHash) {
        Random random = new Random(seed);
        StaffMember admin = directory.staffByUsername("admin").orElseThrow();
        int made = 0;
        int posts = 0;
        for (int s = 0; s < DemoDistrict.STREETS; s++) {
            Unit office = directory.unitByCode("S" + DemoDistrict.streetCode(s).substring(6)).orElseThrow();
            StaffMember instructor = staffing.handlerByUnit().get(office.id());
            for (int c = 0; c < DemoDistrict.COMMUNITIES_PER_STREET; c++) {
                String community = DemoDistrict.communityCode(s, c);
                StaffMember worker = staffing.gridWorkerByCommunity().get(community);
                for (int g = 0; g < 4; g++) {
                    String grid = community + String.format("%03d", g + 1);
                    int[] cell = DemoDistrict.cell(s, c, g);
                    String compound = grid + "-01";
                    String name = DemoDistrict.communityName(s, c).replace("社区", "") + COMPOUND_NAMES[g] + "小区";
                    compounds.saveCompound(new Compounds.NewCompound(compound, name, DemoDistrict.lat(cell[1] + 0.5),
                            DemoDistrict.lng(cell[0] + 0.5)), DEMO);
                    made++;
                    String phoneStem = "0518-85" + community.substring(7) + (g + 1);
                    posts += assign(grid, worker.id(), null, GridPost.GRID_WORKER, "专职网格员", null, phoneStem + "1");
                    posts += assign(grid, worker.id(), null, GridPost.INFORMATION_COLLECTOR, "信息采集员（一人兼）", null, null);
                    posts += assign(grid, instructor.id(), null, GridPost.INSTRUCTOR, "街道包挂指导员", null, null);
                    posts += assign(grid, null, person(random) + "（专管员）", GridPost.SPECIALIST, "信访专管员", null, null);
                    posts += assign(grid, null, person(random), GridPost.PARTICIPANT, "党员志愿者", null, null);
                    posts += assign(grid, null, name.replace("小区", "") + "物业 " + person(random), GridPost.PROPERTY_CONTACT,
                            "物业服务中心", compound, phoneStem + "9");
                    for (int b = 1; b <= 3; b++) {
                        String building = compound + "-0" + b;
                        compounds.saveBuilding(new Compounds.NewBuilding(building, b + "号楼",
                                DemoDistrict.lat(cell[1] + 0.3 + 0.15 * b), DemoDistrict.lng(cell[0] + 0.35 + 0.1 * b), 2 + b % 2),
                                DEMO);
                        posts += assign(grid, null, person(random), GridPost.BUILDING_HEAD, b + "号楼楼栋长", building, null);
                        posts += assign(grid, null, person(random), GridPost.UNIT_HEAD, b + "号楼1单元单元长", building, null);
                    }
                }
            }
        }
        List<Inspections.Checklist> checklists = new ArrayList<>();
        for (String[] c : CHECKLISTS) {
            checklists.add(inspections.defineChecklist(new Inspections.NewChecklist(c[0], c[1],
                    List.of(c).subList(2, c.length)), admin));
        }
        int patrolCount = patrols(staffing, random);
        int inspectionCount = inspections(staffing, checklists, random);
        int shifts = cadres(staffing, admin, passwordHash, random);
        return new Made(made, posts, patrolCount, inspectionCount, shifts);
    }

    private int assign(String grid, Long staffId, String person, GridPost post, String duty, String place, String phone) {
        directory.assign(grid, new NewAssignment(staffId, person, post, duty, place, phone), DEMO);
        return 1;
    }

    private static String person(Random random) {
        return RESIDENTS[random.nextInt(RESIDENTS.length)] + (char) ('A' + random.nextInt(26));
    }

    /** Every other day of the last month, each grid worker walks their first grid; now and then a finding. */
    private int patrols(DemoLoader.Staffing staffing, Random random) {
        ZoneId zone = calendars.calendar().zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int count = 0;
        for (int s = 0; s < DemoDistrict.STREETS; s++) {
            for (int c = 0; c < DemoDistrict.COMMUNITIES_PER_STREET; c++) {
                StaffMember worker = staffing.gridWorkerByCommunity().get(DemoDistrict.communityCode(s, c));
                int[] cell = DemoDistrict.cell(s, c, 0);
                for (int daysAgo = 30; daysAgo >= 2; daysAgo -= 2 + random.nextInt(2)) {
                    Instant start = today.minusDays(daysAgo).atTime(9 + random.nextInt(6), random.nextInt(60)).atZone(zone).toInstant();
                    double row = cell[1] + 0.2 + 0.2 * random.nextDouble();
                    double col = cell[0] + 0.2 + 0.2 * random.nextDouble();
                    long id = patrols.startAt(new Patrols.Position(start, DemoDistrict.lat(row), DemoDistrict.lng(col)), worker,
                            null, start).id();
                    List<Patrols.Position> track = new ArrayList<>();
                    Instant at = start;
                    for (int p = 0; p < 8; p++) {
                        at = at.plus(Duration.ofMinutes(4 + random.nextInt(4)));
                        row += 0.04 * (random.nextDouble() - 0.3);
                        col += 0.04 * (random.nextDouble() - 0.3);
                        track.add(new Patrols.Position(at, DemoDistrict.lat(Math.min(row, cell[1] + 0.95)),
                                DemoDistrict.lng(Math.min(col, cell[0] + 0.95))));
                    }
                    patrols.trackAt(id, track, worker, at);
                    if (daysAgo % 9 == 0) {
                        settleFinding(id, worker, track.get(3), random);
                    }
                    patrols.endAt(id, random.nextInt(4) == 0 ? "巡查中发现问题已处置" : "巡查网格内主要道路及小区，未发现异常",
                            worker, at.plus(Duration.ofMinutes(3)));
                    count++;
                }
            }
        }
        return count;
    }

    /** A stairwell cluttered: reported on the patrol, then signed for and cleared by the same grid worker. */
    private void settleFinding(long patrolId, StaffMember worker, Patrols.Position where, Random random) {
        CaseDetails c = patrols.findAt(patrolId, new Patrols.NewFinding("楼道堆放杂物", "巡查发现楼道堆放纸箱杂物，影响通行（演示数据）",
                where.lat(), where.lng(), "0112", null), worker, null, where.at()).details();
        Instant at = where.at().plus(Duration.ofMinutes(10));
        try {
            transitions.performAt(c.id(), CaseAction.ACCEPT, ActionRequest.EMPTY, worker, at);
            transitions.performAt(c.id(), CaseAction.RESOLVE, new ActionRequest(null, null, "已劝导住户清理，楼道已畅通",
                    null, null, null, null, null), worker, at.plus(Duration.ofMinutes(20 + random.nextInt(60))));
        } catch (RuntimeException refused) {
            // a finding outside the worker's grids stays with the dispatcher
        }
    }

    /** Once a week, each grid worker inspects a place in their first grid against one of the checklists. */
    private int inspections(DemoLoader.Staffing staffing, List<Inspections.Checklist> checklists, Random random) {
        ZoneId zone = calendars.calendar().zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int count = 0;
        for (int s = 0; s < DemoDistrict.STREETS; s++) {
            for (int c = 0; c < DemoDistrict.COMMUNITIES_PER_STREET; c++) {
                StaffMember worker = staffing.gridWorkerByCommunity().get(DemoDistrict.communityCode(s, c));
                int[] cell = DemoDistrict.cell(s, c, 0);
                for (int week = 4; week >= 1; week--) {
                    Inspections.Checklist list = checklists.get(random.nextInt(checklists.size()));
                    List<Inspections.ItemResult> results = new ArrayList<>();
                    boolean fail = random.nextInt(12) == 0;
                    for (int i = 1; i <= list.items().size(); i++) {
                        boolean passed = !(fail && i == 2);
                        results.add(new Inspections.ItemResult(i, passed, passed ? null : "现场发现不符合要求，已拍照留存"));
                    }
                    Instant at = today.minusDays(week * 7L - random.nextInt(3)).atTime(10 + random.nextInt(6), 0).atZone(zone)
                            .toInstant();
                    String place = DemoDistrict.communityName(s, c) + SHOPS[random.nextInt(SHOPS.length)];
                    inspections.inspectAt(new Inspections.NewInspection(list.id(), place,
                            DemoDistrict.lat(cell[1] + 0.3 + 0.4 * random.nextDouble()),
                            DemoDistrict.lng(cell[0] + 0.3 + 0.4 * random.nextDouble()), null, results), worker, null, at);
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Two cadres of each district department posted to compounds (双报到), a Saturday shift each
     * week: the last four checked in (most of them), the next two ahead; the first cadre
     * ({@code cadre}) also has a shift under way now.
     */
    private int cadres(DemoLoader.Staffing staffing, StaffMember admin, String hash, Random random) {
        ZoneId zone = calendars.calendar().zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Compounds.Compound> places = compounds.under(DemoDistrict.DISTRICT_CODE);
        int shifts = 0;
        int n = 0;
        for (String line : DemoDistrict.DEPARTMENTS.keySet()) {
            Unit unit = directory.unitByCode("D-" + line).orElseThrow();
            for (int k = 1; k <= 2; k++) {
                String username = n == 0 ? "cadre" : "cadre-" + line.toLowerCase().replace('_', '-') + "-" + k;
                StaffMember cadre = directory.createStaffWithHash(new NewStaff(username, unit.name() + "下沉干部 "
                        + RESIDENTS[n % RESIDENTS.length], Role.UNIT_HANDLER, unit.id(), null), hash, DEMO);
                Compounds.Compound place = places.get((n * 5) % places.size());
                DutyRota.Posting posting = duty.post(new DutyRota.NewPosting(cadre.id(), place.code(),
                        today.minusDays(35), today.plusDays(60)), admin);
                LocalDate saturday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                for (int week = -3; week <= 2; week++) {
                    Instant start = saturday.plusWeeks(week).atTime(9, 0).atZone(zone).toInstant();
                    DutyRota.Shift shift = duty.addShift(posting.id(), new DutyRota.NewShift(start, start.plus(Duration.ofHours(3))),
                            admin);
                    shifts++;
                    if (start.isBefore(now) && random.nextInt(10) < 9) {
                        duty.checkInAt(shift.id(), new DutyRota.CheckIn(place.lat() + 0.0004, place.lng()), cadre,
                                start.plus(Duration.ofMinutes(random.nextInt(20))));
                        duty.log(shift.id(), random.nextBoolean() ? "走访独居老人，了解生活需求" : "参与小区环境整治，清理楼道杂物", cadre);
                    }
                }
                if (n == 0) {
                    duty.addShift(posting.id(), new DutyRota.NewShift(now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofHours(4))),
                            admin);
                    shifts++;
                }
                n++;
            }
        }
        return shifts;
    }
}
