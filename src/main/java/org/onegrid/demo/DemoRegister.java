package org.onegrid.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.households.Campaigns;
import org.onegrid.households.HouseholdRegister;
import org.onegrid.households.IdNumber;
import org.springframework.stereotype.Component;

/**
 * The demo's register of residents: six households in each base grid of 朝阳社区 (the demo grid
 * worker's) and of the town's first village, with made-up people (valid-looking ID numbers that
 * belong to no one), care flags, visits some weeks old so that some are overdue, and a running
 * gas-safety campaign with a few households checked.
 */
@Component
class DemoRegister {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"桂兰", "建国", "秀英", "志强", "玉梅", "宏伟", "淑珍", "文军", "丽华", "德明", "春燕", "海涛"};
    private static final String[] STREETS = {"朝阳路", "幸福里", "建设巷", "和平街"};

    private final HouseholdRegister register;
    private final Campaigns campaigns;
    private final DirectoryService directory;
    private final Clock clock;

    DemoRegister(HouseholdRegister register, Campaigns campaigns, DirectoryService directory, Clock clock) {
        this.register = register;
        this.campaigns = campaigns;
        this.directory = directory;
        this.clock = clock;
    }

    /** How many households it registered. */
    int load(long seed) {
        Random random = new Random(seed);
        Instant now = clock.instant();
        LocalDate today = register.today();
        int households = 0;
        int person = 0;
        for (int[] place : new int[][] {{0, 0}, {DemoDistrict.TOWN, 0}}) {
            String community = DemoDistrict.communityCode(place[0], place[1]);
            StaffMember keeper = directory.staffByUsername("h-c" + community.substring(6)).orElseThrow();
            StaffMember worker = directory.staffByUsername(place[0] == 0 ? "gridworker" : "gw-" + community.substring(6)).orElseThrow();
            List<Long> firstGrid = new ArrayList<>();
            for (int g = 1; g <= 4; g++) {
                String grid = community + String.format("%03d", g);
                for (int h = 0; h < 6; h++) {
                    Instant registered = now.minus(Duration.ofDays(30 + random.nextInt(60)));
                    HouseholdRegister.HouseholdView household = register.createAt(new HouseholdRegister.NewHousehold(grid, null, null,
                            null, DemoDistrict.communityName(place[0], place[1]) + STREETS[g - 1] + (h * 2 + 1) + "号"), keeper, registered);
                    households++;
                    if (g == 1) {
                        firstGrid.add(household.id());
                    }
                    int kind = h % 6;
                    LocalDate movedIn = today.minusYears(1 + random.nextInt(20));
                    if (kind == 0) { // an elderly person living alone
                        member(household, keeper, person++, 1938 + random.nextInt(10), "HEAD", List.of("ELDERLY_ALONE"), movedIn);
                    } else {
                        member(household, keeper, person++, 1965 + random.nextInt(15), "HEAD",
                                kind == 2 ? List.of("VETERAN") : kind == 3 ? List.of("LOW_INCOME") : List.of(), movedIn);
                        member(household, keeper, person++, 1967 + random.nextInt(15), "SPOUSE",
                                kind == 4 ? List.of("DISABILITY") : List.of(), movedIn);
                        if (kind != 5) {
                            member(household, keeper, person++, 2008 + random.nextInt(12), "CHILD",
                                    kind == 1 && place[0] == DemoDistrict.TOWN ? List.of("LEFT_BEHIND_CHILD") : List.of(), movedIn);
                        }
                    }
                    // Visits: some a few days ago, some weeks ago (now overdue), some never.
                    int daysAgo = h % 3 == 0 ? 3 : h % 3 == 1 ? 12 + random.nextInt(20) : -1;
                    if (daysAgo > 0) {
                        register.visitAt(household.id(), "入户走访，了解生活情况（演示数据）", worker, "demo-visit-" + household.id(),
                                now.minus(Duration.ofDays(daysAgo)));
                    }
                }
            }
            Campaigns.Campaign gas = campaigns.launch(new Campaigns.NewCampaign("冬季燃气安全入户排查", "SCREENING",
                    List.of(community + "001", community + "002"), List.of("安装燃气报警器", "软管未老化", "用后关阀"), today.minusDays(3),
                    today.plusDays(25)), keeper);
            for (int i = 0; i < 3 && i < firstGrid.size(); i++) {
                campaigns.check(gas.id(), new Campaigns.Check(firstGrid.get(i), List.of(i != 1, true, true),
                        i == 1 ? "未装报警器，已告知购买途径（演示数据）" : null), worker);
            }
        }
        return households;
    }

    private void member(HouseholdRegister.HouseholdView household, StaffMember keeper, int n, int born, String relation,
                        List<String> flags, LocalDate movedIn) {
        String seventeen = "320706" + born + String.format("%02d%02d", 1 + n % 12, 1 + n % 28) + String.format("%03d", 100 + n % 900);
        String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length];
        register.addMember(household.id(), new HouseholdRegister.NewMember(name, seventeen + IdNumber.checkFor(seventeen),
                "139" + String.format("%08d", 51_000_000 + n), relation, "BOTH", flags, movedIn), keeper);
    }
}
