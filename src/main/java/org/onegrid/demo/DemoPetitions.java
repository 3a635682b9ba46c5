package org.onegrid.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.cases.CaseViews;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.grid.GridService;
import org.onegrid.petitions.Petitions;
import org.onegrid.petitions.PlanStep;
import org.springframework.stereotype.Component;

/**
 * The demo's petitions: a few of each grade in the first three streets and the town (the fourth
 * and fifth streets are left to the tests), one red one taken by the district's leader with a
 * task force and a plan, one mediated with an agreement, one a repeat of the same person, one
 * resolved by its unit.
 */
@Component
class DemoPetitions {

    private final Petitions petitions;
    private final DirectoryService directory;
    private final GridService grids;
    private final CaseViews cases;
    private final CaseTransitions transitions;

    DemoPetitions(Petitions petitions, DirectoryService directory, GridService grids, CaseViews cases, CaseTransitions transitions) {
        this.petitions = petitions;
        this.directory = directory;
        this.grids = grids;
        this.cases = cases;
        this.transitions = transitions;
    }

    private record Seed(String grid, String title, String name, String phone, int group, boolean risk, boolean escalated) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("320706001002002", "工地拖欠农民工工资", "郑国强", "13770000001", 12, false, false),
            new Seed("320706002001001", "邻里宅基地边界纠纷，扬言动手", "孙德福", "13770000002", 2, true, false),
            new Seed("320706003002003", "小区物业费上涨争议", "周丽华", "13770000003", 6, false, false),
            new Seed("320706001002002", "再次反映拖欠工资未解决", "郑国强", "13770000001", 1, false, false),
            new Seed("320706006001001", "土地流转租金未按时发放", "王秀英", "13770000005", 1, false, false),
            new Seed("320706003001002", "楼上漏水邻里纠纷", "李建国", "13770000006", 1, false, false));

    /** How many petitions it registered. */
    int load(LocalDate today) {
        StaffMember desk = directory.staffByUsername("agent").orElseThrow();
        StaffMember leader = directory.staffByUsername("district").orElseThrow();
        int made = 0;
        Petitions.PetitionView first = null;
        for (Seed s : SEEDS) {
            double[] at = grids.pointWithin(s.grid()).orElseThrow();
            Petitions.PetitionView p = petitions.register(new Petitions.NewPetition(s.title(), s.title() + "，请求尽快协调解决。（演示数据）",
                    at[0], at[1], null, null, s.name(), s.phone(), s.group(), s.risk(), s.escalated()), desk, "demo-petition-" + made);
            made++;
            if (first == null) {
                first = p;
            }
        }
        // The wage arrears: taken by the district's leader with a task force and a plan.
        petitions.take(first.id(), "区人社局劳动监察大队、街道司法所、社区书记", List.of(
                new PlanStep("约谈施工方核实欠薪数额", today.plusDays(2)), new PlanStep("督促施工方分期支付", today.plusDays(10)),
                new PlanStep("回访农民工确认到账", today.plusDays(20))), leader);
        petitions.reportStep(petitions.view(first.id(), leader).steps().get(0).id(), "已约谈施工方，确认欠薪42万元", leader);
        // The boundary dispute: visited and mediated by the community's committee, with an agreement.
        Petitions.PetitionView dispute = petitions.list("RED", true, leader).stream().filter(p -> p.title().startsWith("邻里宅基地"))
                .findFirst().orElseThrow();
        StaffMember committee = directory.staffByUsername("h-c002001").orElseThrow();
        petitions.visit(dispute.id(), "到双方家中了解情况，稳控情绪（演示数据）", Optional.empty(), committee);
        petitions.mediate(dispute.id(), new Petitions.NewMediation(committee.unitId(), today, "孙德福；邻居赵某", "AGREED",
                "以村委会存档的宅基地图为准重新立界", today.plusDays(14)), "%PDF-1.4 调解协议书（演示数据）".getBytes(), "application/pdf", committee);
        // The leaking ceiling: resolved by its unit, when routing gave it one.
        Petitions.PetitionView leak = petitions.list("BLUE", true, leader).stream().filter(p -> p.title().startsWith("楼上漏水"))
                .findFirst().orElseThrow();
        var c = cases.summary(leak.caseId(), leader);
        if (c.ownerUnit() != null) {
            directory.unit(c.ownerUnit().id()).flatMap(u -> directory.staffByUsername("h-" + u.code().toLowerCase())).ifPresent(h -> {
                try {
                    transitions.perform(leak.caseId(), CaseAction.ACCEPT, ActionRequest.EMPTY, h);
                    transitions.perform(leak.caseId(), CaseAction.RESOLVE, new ActionRequest(null, null,
                            "已协调物业维修防水层（演示数据）", null, null, null, null, null), h);
                } catch (RuntimeException refused) {
                    // the case stays with its unit
                }
            });
        }
        return made;
    }
}
