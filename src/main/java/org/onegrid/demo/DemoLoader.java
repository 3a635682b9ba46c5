package org.onegrid.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.cases.OwnerAdvisor;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.DirectoryService.NewStaff;
import org.onegrid.directory.DirectoryService.NewUnit;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.dispatch.ClassifierService;
import org.onegrid.dispatch.OwnerRouting;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo district on the first start with the embedded database (an empty grid tree):
 * territory, units, staff (password {@code demo}), grid teams and demo cases driven through
 * the real life cycle with past timestamps. Never runs against an external database, unless
 * {@code onegrid.demo.on-external-database} says so (the test suite does, to run against one).
 */
@Component
@Order(0)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final String DEMO_PASSWORD = "demo";
    /** The actor the audit trail names for what the demo loader writes. */
    private static final String DEMO = "system:demo";

    private final GridService grids;
    private final DirectoryService directory;
    private final CatalogService catalog;
    private final CaseIntake intake;
    private final CaseViews cases;
    private final CaseTransitions transitions;
    private final OwnerRouting routing;
    private final CalendarService calendars;
    private final DemoProperties properties;
    private final Clock clock;
    private final boolean embeddedDatabase;
    private final ClassifierService classifier;
    private final DemoGridWork gridWork;
    private final DemoParticipation participation;
    private final DemoRegister residents;
    private final DemoPetitions petitions;

    DemoLoader(GridService grids, DirectoryService directory, CatalogService catalog, CaseIntake intake,
               CaseViews cases, CaseTransitions transitions,
               OwnerRouting routing, CalendarService calendars, DemoProperties properties, Clock clock,
               org.springframework.core.env.Environment environment, ClassifierService classifier,
               DemoGridWork gridWork, DemoParticipation participation, DemoRegister residents, DemoPetitions petitions) {
        this.petitions = petitions;
        this.participation = participation;
        this.residents = residents;
        this.classifier = classifier;
        this.gridWork = gridWork;
        String url = environment.getProperty("spring.datasource.url");
        this.embeddedDatabase = url == null || url.isBlank();
        this.grids = grids;
        this.directory = directory;
        this.catalog = catalog;
        this.intake = intake;
        this.cases = cases;
        this.transitions = transitions;
        this.routing = routing;
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || !grids.isEmpty()) {
            return;
        }
        if (!embeddedDatabase && !properties.onExternalDatabase()) {
            log.info("External database: no demo district, no demo accounts");
            return;
        }
        long started = System.nanoTime();
        catalog.seedDefaultsIfEmpty();
        grids.save(DemoDistrict.nodes(), DEMO);
        Staffing staffing = createUnitsAndStaff();
        int made = createCases(staffing);
        DemoGridWork.Made work = gridWork.load(staffing, properties.seed(), directory.hash(DEMO_PASSWORD));
        DemoParticipation.Made taking = participation.load(properties.seed());
        int households = residents.load(properties.seed());
        int petitionCount = petitions.load(clock.instant().atZone(calendars.calendar().zone()).toLocalDate());
        try {
            if (properties.trainClassifier()) {
                classifier.train(List.of(), "demo district closed cases", DEMO);
            }
        } catch (ApiProblemException tooFew) {
            log.info("No demo classifier: {}", tooFew.getMessage());
        }
        log.info("Demo district {} loaded: {} grid nodes, {} units, {} cases, {} compounds, {} team posts, {} patrols, "
                        + "{} inspections, {} duty shifts, {} evening talks with {} topics, {} volunteers in {} activities, "
                        + "{} redemptions, {} households on the register, {} petitions in {} ms; sign in as admin/demo",
                DemoDistrict.DISTRICT_NAME, grids.list(null, null).size(), directory.units().size(), made, work.compounds(),
                work.posts(), work.patrols(), work.inspections(), work.shifts(), taking.talks(), taking.topics(),
                taking.volunteers(), taking.activities(), taking.redemptions(), households, petitionCount,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Who acts for the demo: one handler per unit, the centre's people, a grid worker per community. */
    record Staffing(Map<Long, StaffMember> handlerByUnit, StaffMember agent, StaffMember dispatcher,
                    Map<String, StaffMember> gridWorkerByCommunity) {
    }

    private Staffing createUnitsAndStaff() {
        String hash = directory.hash(DEMO_PASSWORD);
        Unit centre = directory.createUnit(new NewUnit("CC", "海州区社会治理现代化指挥中心", UnitKind.COMMAND_CENTRE, null,
                DemoDistrict.DISTRICT_CODE, null), DEMO);
        List<Unit> all = new ArrayList<>(List.of(centre));
        DemoDistrict.DEPARTMENTS.forEach((line, name) -> all.add(directory.createUnit(new NewUnit("D-" + line, name,
                UnitKind.DISTRICT_DEPARTMENT, centre.id(), DemoDistrict.DISTRICT_CODE, line), DEMO)));
        for (int s = 0; s < DemoDistrict.STREETS; s++) {
            String streetCode = DemoDistrict.streetCode(s);
            String streetName = DemoDistrict.STREET_NAMES[s];
            Unit office = directory.createUnit(new NewUnit("S" + streetCode.substring(6), DemoDistrict.officeName(s),
                    UnitKind.STREET_OFFICE, centre.id(), streetCode, null), DEMO);
            all.add(office);
            DemoDistrict.STREET_DEPARTMENTS.forEach((line, name) -> all.add(directory.createUnit(new NewUnit(
                    "S" + streetCode.substring(6) + "-" + line, streetName + name, UnitKind.STREET_DEPARTMENT, office.id(),
                    streetCode, line), DEMO)));
            for (int c = 0; c < DemoDistrict.COMMUNITIES_PER_STREET; c++) {
                String communityCode = DemoDistrict.communityCode(s, c);
                Unit committee = directory.createUnit(new NewUnit("C" + communityCode.substring(6),
                        DemoDistrict.committeeName(s, c), UnitKind.COMMUNITY_COMMITTEE, office.id(),
                        communityCode, null), DEMO);
                all.add(committee);
                for (int g = 1; g <= 4; g++) { // each base grid's own team (小事不出格)
                    String gridCode = communityCode + String.format("%03d", g);
                    all.add(directory.createUnit(new NewUnit("G" + gridCode.substring(6), DemoDistrict.communityName(s, c)
                            + "第" + g + "网格服务团队", UnitKind.GRID_TEAM, committee.id(), gridCode, null), DEMO));
                }
            }
        }

        Unit urban = directory.unitByCode("D-URBAN_MANAGEMENT").orElseThrow();
        staff("admin", "系统管理员 Administrator", Role.ADMIN, null, hash);
        StaffMember agent = staff("agent", "受理员 王静", Role.INTAKE_AGENT, centre.id(), hash);
        StaffMember dispatcher = staff("dispatcher", "派遣员 李强", Role.DISPATCHER, centre.id(), hash);
        staff("leader", "城管局局长 赵刚", Role.UNIT_LEADER, urban.id(), hash);
        staff("district", "区领导 陈明", Role.DISTRICT_LEADER, centre.id(), hash);

        Map<Long, StaffMember> handlers = new HashMap<>();
        for (Unit unit : all) {
            if (unit.kind() == UnitKind.COMMAND_CENTRE || unit.kind() == UnitKind.GRID_TEAM) {
                continue;
            }
            String username = unit.id() == urban.id() ? "handler" : "h-" + unit.code().toLowerCase();
            handlers.put(unit.id(), staff(username, unit.name() + "承办人", Role.UNIT_HANDLER, unit.id(), hash));
        }

        Map<String, StaffMember> gridWorkers = new HashMap<>();
        for (int s = 0; s < DemoDistrict.STREETS; s++) {
            StaffMember police = staff("police-" + (s + 1), DemoDistrict.STREET_NAMES[s] + "社区民警", Role.UNIT_HANDLER,
                    directory.unitByCode("D-PUBLIC_SECURITY").orElseThrow().id(), hash);
            for (int c = 0; c < DemoDistrict.COMMUNITIES_PER_STREET; c++) {
                String communityCode = DemoDistrict.communityCode(s, c);
                Unit committee = directory.unitByCode("C" + communityCode.substring(6)).orElseThrow();
                String username = s == 0 && c == 0 ? "gridworker" : "gw-" + communityCode.substring(6);
                StaffMember worker = staff(username, DemoDistrict.communityName(s, c) + "网格员", Role.GRID_WORKER,
                        committee.id(), hash);
                gridWorkers.put(communityCode, worker);
                StaffMember gridLeader = handlers.get(committee.id());
                for (int g = 1; g <= 4; g++) {
                    String gridCode = communityCode + String.format("%03d", g);
                    directory.assign(gridCode, gridLeader.id(), GridPost.GRID_LEADER, "网格长", DEMO);
                    directory.assign(gridCode, worker.id(), GridPost.GRID_WORKER, "信息采集员", DEMO);
                    directory.assign(gridCode, police.id(), GridPost.COMMUNITY_POLICE, "社区民警", DEMO);
                    handlers.put(directory.gridTeam(gridCode).orElseThrow().id(), worker); // the team's worker settles its cases
                }
            }
        }
        return new Staffing(handlers, agent, dispatcher, gridWorkers);
    }

    private StaffMember staff(String username, String name, Role role, Long unitId, String hash) {
        return directory.createStaffWithHash(new NewStaff(username, name, role, unitId, null), hash, DEMO);
    }

    // ---- cases --------------------------------------------------------------------------------

    private static final Channel[] CHANNELS = {Channel.HOTLINE_12345, Channel.HOTLINE_12345, Channel.HOTLINE_12345,
            Channel.GRID_WORKER, Channel.GRID_WORKER, Channel.WALK_IN, Channel.VILLAGE_MEETING, Channel.INSPECTION,
            Channel.DIGITAL_URBAN_MANAGEMENT, Channel.RESIDENT_ONLINE};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] PLACES = {"小区东门", "菜市场旁", "学校门口", "公交站附近", "河道边", "楼道内",
            "主干道路口", "广场", "背街小巷", "施工工地外"};

    private int createCases(Staffing staffing) {
        Random random = new Random(properties.seed());
        List<Category> leaves = catalog.leaves();
        ZoneId zone = calendars.calendar().zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        CaseState[] targets = CaseState.values();
        int made = 0;
        for (int i = 0; i < properties.cases(); i++) {
            int ageDays = random.nextInt(120);
            Instant received = today.minusDays(ageDays).atTime(8 + random.nextInt(12), random.nextInt(60))
                    .atZone(zone).toInstant();
            if (received.isAfter(now)) {
                received = now.minus(Duration.ofMinutes(30 + random.nextInt(600)));
            }
            int s = random.nextInt(DemoDistrict.STREETS);
            int c = random.nextInt(DemoDistrict.COMMUNITIES_PER_STREET);
            int g = random.nextInt(4);
            int[] cell = DemoDistrict.cell(s, c, g);
            double lat = DemoDistrict.lat(cell[1] + 0.1 + 0.8 * random.nextDouble());
            double lng = DemoDistrict.lng(cell[0] + 0.1 + 0.8 * random.nextDouble());
            Category category = leaves.get(random.nextInt(leaves.size()));
            String place = DemoDistrict.communityName(s, c) + PLACES[random.nextInt(PLACES.length)];
            NewCase request = new NewCase(CHANNELS[random.nextInt(CHANNELS.length)], place + category.name(),
                    "群众反映" + place + "存在" + category.name() + "问题，希望尽快处理。（演示数据）", lat, lng, null,
                    category.code(), SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "先生" : "女士"),
                    "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)));
            // Older cases have mostly run their course; the first few cover every state.
            CaseState target = i < targets.length ? targets[i]
                    : ageDays > 20 && random.nextInt(10) < 8 ? (random.nextInt(20) == 0 ? CaseState.VOID : CaseState.CLOSED)
                    : targets[random.nextInt(targets.length)];
            StaffMember intake = target == CaseState.VOID || random.nextBoolean() ? staffing.agent()
                    : staffing.gridWorkerByCommunity().get(DemoDistrict.communityCode(s, c));
            CaseDetails details = this.intake.receiveAt(request, intake, null, received).details();
            drive(details.id(), category, target, received, now, random, staffing);
            made++;
        }
        return made;
    }

    /** Walks one case towards {@code target} through the real transitions, stopping at the present. */
    private void drive(long id, Category category, CaseState target, Instant received, Instant now, Random random,
                       Staffing staffing) {
        if (target == CaseState.RECEIVED) {
            return;
        }
        Instant at = received.plus(Duration.ofMinutes(5 + random.nextInt(90)));
        StaffMember dispatcher = staffing.dispatcher();
        if (target == CaseState.VOID) {
            act(id, CaseAction.VOID, new ActionRequest(null, "重复来电，与已受理事项相同", null, null, null, null, null, null),
                    dispatcher, at, now);
            return;
        }
        CaseDetails current = cases.get(id, dispatcher);
        // Dispatched by the routing rules (no unit named), as a dispatcher accepting the suggestion would.
        Long owner = routing.ownerFor(category, current.gridCode()).map(OwnerAdvisor.Advice::unitId).orElse(null);
        if (current.state() == CaseState.DISPATCHED) {
            owner = current.ownerUnit().id(); // a grid worker's report the grid owns went straight to the team
        } else if (owner == null || !act(id, CaseAction.DISPATCH, ActionRequest.EMPTY, dispatcher, at, now)) {
            return;
        }
        StaffMember handler = staffing.handlerByUnit().get(owner);
        if (target == CaseState.RETURNED) {
            act(id, CaseAction.RETURN, new ActionRequest(null, "NOT_OUR_FUNCTION", null, null, "不属于本单位职责", null, null, null),
                    handler, at = later(at, random, 30, 240), now);
            return;
        }
        if (target == CaseState.DISPATCHED || !act(id, CaseAction.ACCEPT, ActionRequest.EMPTY, handler,
                at = later(at, random, 10, 150), now)) {
            return;
        }
        if (random.nextInt(12) == 0) {
            act(id, CaseAction.REQUEST_EXTENSION, new ActionRequest(null, "需协调多个部门，申请延期", null, null, null, null,
                    null, 3), handler, at = later(at, random, 30, 300), now);
            act(id, CaseAction.APPROVE_EXTENSION, ActionRequest.EMPTY, dispatcher, at = later(at, random, 30, 300), now);
        }
        if (random.nextInt(8) == 0) {
            act(id, CaseAction.URGE, new ActionRequest(null, null, null, null, "请加快办理进度", null, null, null),
                    dispatcher, later(at, random, 60, 600), now);
        }
        if (target == CaseState.ACCEPTED) {
            return;
        }
        // Most units finish within their limit; some run over.
        Duration limit = Duration.between(received, cases.get(id, dispatcher).handlingDueAt().toInstant());
        long minutes = Math.max(30, (long) (limit.toMinutes() * (random.nextInt(10) == 0 ? 1.3 : 0.2 + 0.6 * random.nextDouble())));
        at = at.plus(Duration.ofMinutes(minutes));
        if (!act(id, CaseAction.RESOLVE, result("已安排人员到现场处理完毕。"), handler, at, now)) {
            return;
        }
        if (target == CaseState.RESOLVED) {
            return;
        }
        // A grid team does not check its own work: the dispatcher checks what a team settled.
        boolean teamCase = directory.unit(owner).map(u -> u.kind() == UnitKind.GRID_TEAM).orElse(false);
        StaffMember verifier = random.nextBoolean() || teamCase ? dispatcher
                : staffing.gridWorkerByCommunity().get(
                        new GridCode(current.gridCode()).ancestorAt(GridLevel.COMMUNITY).value());
        if (random.nextInt(15) == 0) {
            act(id, CaseAction.VERIFY, new ActionRequest(null, null, null, null, "现场复核未整改到位", false, null, null),
                    verifier, at = later(at, random, 60, 600), now);
            act(id, CaseAction.RESOLVE, result("已返工整改完毕。"), handler, at = later(at, random, 120, 1440), now);
        }
        if (category.verificationRequired() && !act(id, CaseAction.VERIFY, new ActionRequest(null, null, null, null,
                "现场核查属实，已整改", true, null, null), verifier, at = later(at, random, 60, 900), now)) {
            return;
        }
        if (target == CaseState.VERIFIED) {
            return;
        }
        int stars = random.nextInt(100) < 84 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
        if (!act(id, CaseAction.RATE, stars(stars), staffing.agent(), at = later(at, random, 120, 1440), now)) {
            return;
        }
        if (stars <= 2) {
            act(id, CaseAction.RESOLVE, result("根据回访意见重新办理完毕。"), handler, at = later(at, random, 120, 1440), now);
            if (category.verificationRequired()) {
                act(id, CaseAction.VERIFY, new ActionRequest(null, null, null, null, null, true, null, null), dispatcher,
                        at = later(at, random, 60, 600), now);
            }
            act(id, CaseAction.RATE, stars(4), staffing.agent(), at = later(at, random, 120, 1440), now);
        }
        if (target == CaseState.RATED) {
            return;
        }
        act(id, CaseAction.CLOSE, ActionRequest.EMPTY, dispatcher, later(at, random, 60, 1440), now);
    }

    /** Takes an action unless its moment lies in the future; tells whether it was taken. */
    private boolean act(long id, CaseAction action, ActionRequest request, StaffMember actor, Instant at, Instant now) {
        if (actor == null || at.isAfter(now)) {
            return false;
        }
        try {
            transitions.performAt(id, action, request, actor, at);
            return true;
        } catch (ApiProblemException | Refusal refused) {
            // The generated story asked for something the rules forbid (say, an extension after
            // the deadline); the case simply stays where it is.
            log.debug("Demo case {}: {} refused: {}", id, action, refused.getMessage());
            return false;
        }
    }

    private static Instant later(Instant at, Random random, int minMinutes, int maxMinutes) {
        return at.plus(Duration.ofMinutes(minMinutes + random.nextInt(maxMinutes - minMinutes)));
    }

    private static ActionRequest result(String text) {
        return new ActionRequest(null, null, text, null, null, null, null, null);
    }

    private static ActionRequest stars(int stars) {
        return new ActionRequest(null, null, null, stars, null, null, null, null);
    }
}
