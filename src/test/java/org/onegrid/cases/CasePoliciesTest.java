package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onegrid.catalog.Category;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;

/** The case rules that live in named policies, each stated in words. */
class CasePoliciesTest {

    private static final Instant START = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant DUE = START.plusSeconds(10_000);

    private static final Unit CENTRE = new Unit(1, "CC", "指挥中心", UnitKind.COMMAND_CENTRE, null, "320706", null);
    private static final Unit URBAN = new Unit(2, "D-UM", "区城市管理局", UnitKind.DISTRICT_DEPARTMENT, 1L, "320706", "URBAN_MANAGEMENT");
    private static final Unit STREET = new Unit(3, "S001", "新浦街道", UnitKind.STREET_OFFICE, 1L, "320706001", null);
    private static final Unit STREET_URBAN = new Unit(4, "S001-UM", "新浦街道城管科", UnitKind.STREET_DEPARTMENT, 3L, "320706001", "URBAN_MANAGEMENT");
    private static final Unit COMMUNITY = new Unit(5, "C001001", "朝阳社区", UnitKind.COMMUNITY_COMMITTEE, 3L, "320706001001", null);
    private static final Unit OTHER_COMMUNITY = new Unit(6, "C001002", "幸福社区", UnitKind.COMMUNITY_COMMITTEE, 3L, "320706001002", null);
    private static final Unit OTHER_STREET = new Unit(7, "S002", "新海街道", UnitKind.STREET_OFFICE, 1L, "320706002", null);

    @Test
    void aDeadlineTurnsNearAtEightyPercentOfTheStepsTimeAndOverdueOnceItPasses() {
        assertThat(DeadlineColour.of(START, DUE, START.plusSeconds(7_999))).isEqualTo(DeadlineColour.ON_TIME);
        assertThat(DeadlineColour.of(START, DUE, START.plusSeconds(8_000))).isEqualTo(DeadlineColour.NEAR);
        assertThat(DeadlineColour.of(START, DUE, DUE)).isEqualTo(DeadlineColour.NEAR);
        assertThat(DeadlineColour.of(START, DUE, DUE.plusSeconds(1))).isEqualTo(DeadlineColour.OVERDUE);
        assertThat(DeadlineColour.of(START, null, DUE)).as("a step without a deadline has no colour").isNull();
    }

    @Test
    void anExtensionCanBeAskedForOnlyBeforeTheDeadlinePasses() {
        assertThat(ExtensionPolicy.mayAsk(DUE, DUE.minusSeconds(1))).isTrue();
        assertThat(ExtensionPolicy.mayAsk(DUE, DUE)).as("up to the last moment").isTrue();
        assertThat(ExtensionPolicy.mayAsk(DUE, DUE.plusSeconds(1))).isFalse();
        assertThat(ExtensionPolicy.MAX_DAYS).isEqualTo(30);
    }

    @Test
    void onlyTheStreetOfficeOfTheCasesStreetMayBlowTheWhistle() {
        String grid = "32070600100101";
        assertThat(JointHandlingPolicy.mayBlowWhistle(STREET, grid)).isTrue();
        assertThat(JointHandlingPolicy.mayBlowWhistle(OTHER_STREET, grid)).as("another street's office").isFalse();
        assertThat(JointHandlingPolicy.mayBlowWhistle(STREET_URBAN, grid)).as("a department of the street").isFalse();
        assertThat(JointHandlingPolicy.mayBlowWhistle(null, grid)).as("staff of no unit").isFalse();
        assertThat(JointHandlingPolicy.mayBlowWhistle(STREET, null)).as("a case with no location").isFalse();
    }

    @Test
    void escalationGoesOneStepUpNeverDownOrSideways() {
        assertThat(EscalationPolicy.refusalOfNamed(COMMUNITY, STREET)).as("to its street office").isEmpty();
        assertThat(EscalationPolicy.refusalOfNamed(COMMUNITY, URBAN)).as("to a district department").isEmpty();
        assertThat(EscalationPolicy.refusalOfNamed(STREET_URBAN, STREET)).as("to its parent at the same level").isEmpty();
        assertThat(EscalationPolicy.refusalOfNamed(COMMUNITY, OTHER_COMMUNITY)).as("sideways").isPresent();
        assertThat(EscalationPolicy.refusalOfNamed(STREET, COMMUNITY)).as("down").isPresent();
        assertThat(EscalationPolicy.refusalOfNamed(STREET, OTHER_STREET)).as("to another street").isPresent();
        assertThat(EscalationPolicy.refusalOfNamed(URBAN, URBAN)).as("to itself").isPresent();
    }

    @Test
    void aCaseNobodyArbitratedGoesToTheStreetOfficeOfItsLocationOrElseTheCommandCentre() {
        assertThat(ArbitrationPolicy.fallbackOwner(Optional.of(STREET), Optional.of(CENTRE))).contains(STREET);
        assertThat(ArbitrationPolicy.fallbackOwner(Optional.empty(), Optional.of(CENTRE))).contains(CENTRE);
        assertThat(ArbitrationPolicy.returnsSendToArbitration(1)).isFalse();
        assertThat(ArbitrationPolicy.returnsSendToArbitration(2)).isTrue();
    }

    @Test
    void intakeTakesTheClassifiersCategoryOnlyAtOrAboveItsThreshold() {
        var sure = new CategoryAdvisor.Suggestion("0101", 0.91, 3);
        var unsure = new CategoryAdvisor.Suggestion("0101", 0.89, 3);
        assertThat(AutoDispatchPolicy.taken(List.of(sure), 0.9)).contains(sure);
        assertThat(AutoDispatchPolicy.taken(List.of(unsure), 0.9)).isEmpty();
        assertThat(AutoDispatchPolicy.taken(List.of(), 0.9)).as("no trained model").isEmpty();
    }

    @Test
    void aCallIsMergedOnlyIntoAnotherCaseStillInHand() {
        assertThat(MergePolicy.mayMerge(1, 2, CaseState.ACCEPTED)).isTrue();
        assertThat(MergePolicy.mayMerge(1, 2, CaseState.RECEIVED)).isTrue();
        assertThat(MergePolicy.mayMerge(1, 1, CaseState.ACCEPTED)).as("itself").isFalse();
        for (CaseState done : List.of(CaseState.RESOLVED, CaseState.VERIFIED, CaseState.RATED, CaseState.CLOSED,
                CaseState.VOID)) {
            assertThat(MergePolicy.mayMerge(1, 2, done)).as("into a %s case", done).isFalse();
            assertThat(done.takesMerged()).as("%s offered for merging on the intake page", done).isFalse();
        }
        assertThat(CaseState.ACCEPTED.takesMerged()).isTrue();
    }

    @Test
    void aCaseWithoutACategoryIsAlwaysCheckedOnSite() {
        assertThat(SiteCheckPolicy.required(null)).isTrue();
        assertThat(SiteCheckPolicy.required(category(true))).isTrue();
        assertThat(SiteCheckPolicy.required(category(false))).isFalse();
    }

    @Test
    void residentsKeysAreScopedToTheirPhoneAndStaffKeysToTheirAccount() {
        StaffMember agent = new StaffMember(9, "agent", "坐席", Role.INTAKE_AGENT, 1L);
        assertThat(IdempotencyPolicy.scoped(agent, "13800000001", "k-1")).isEqualTo("k-1");
        String first = IdempotencyPolicy.scoped(ResidentDesk.RESIDENT, "13800000001", "k-1");
        String second = IdempotencyPolicy.scoped(ResidentDesk.RESIDENT, "13900000002", "k-1");
        assertThat(first).isNotEqualTo(second).endsWith(":k-1").doesNotContain("13800000001");
        assertThat(IdempotencyPolicy.scoped(ResidentDesk.RESIDENT, "138 0000 0001", "k-1")).isEqualTo(first);
        assertThat(IdempotencyPolicy.scoped(ResidentDesk.RESIDENT, "13800000001", null)).isNull();
    }

    @Test
    void whoMayRecordACaseIsInTheTransitionTable() {
        assertThat(TransitionRules.mayRecord(Role.INTAKE_AGENT)).isTrue();
        assertThat(TransitionRules.mayRecord(Role.GRID_WORKER)).isTrue();
        assertThat(TransitionRules.mayRecord(Role.DISTRICT_LEADER)).isFalse();
        assertThat(TransitionRules.mayRecord(Role.ADMIN)).isFalse();
    }

    @Test
    void onlyAGridWorkersReportOfAMatterTheGridOwnsGoesStraightToTheGridTeam() {
        Category stairwell = new Category("0112", "01", "楼道堆物", "Clutter in stairwells", "URBAN_MANAGEMENT",
                Map.of(org.onegrid.grid.GridLevel.GRID, new org.onegrid.catalog.OwnerRule(UnitKind.GRID_TEAM, null)),
                null, null, true);
        assertThat(GridHandlingPolicy.goesStraightToTeam(Role.GRID_WORKER, stairwell, "320706001001001")).isTrue();
        assertThat(GridHandlingPolicy.goesStraightToTeam(Role.INTAKE_AGENT, stairwell, "320706001001001")).isFalse();
        assertThat(GridHandlingPolicy.goesStraightToTeam(Role.GRID_WORKER, category(true), "320706001001001")).isFalse();
        assertThat(GridHandlingPolicy.goesStraightToTeam(Role.GRID_WORKER, stairwell, null)).isFalse();
        assertThat(GridHandlingPolicy.whyNotOnTheSpot(stairwell)).isEmpty();
        assertThat(GridHandlingPolicy.whyNotOnTheSpot(category(true))).get().asString().contains("report it instead");
        assertThat(GridHandlingPolicy.whyNotOnTheSpot(null)).isPresent();
    }

    @Test
    void aGridWorkerDoesNotCheckTheirOwnTeamsWorkButMayCheckAnothers() {
        StaffMember worker = new StaffMember(9, "gw", "网格员", Role.GRID_WORKER, COMMUNITY.id());
        CaseActor actor = new CaseActor(worker, java.util.Set.of("320706001001001"), java.util.Set.of(50L));
        assertThat(SiteCheckPolicy.mayCheck(actor, 50L)).isFalse();
        assertThat(SiteCheckPolicy.mayCheck(actor, 51L)).isTrue();
        StaffMember dispatcher = new StaffMember(10, "d", "派单员", Role.DISPATCHER, CENTRE.id());
        assertThat(SiteCheckPolicy.mayCheck(new CaseActor(dispatcher, null, null), 50L)).isTrue();
    }

    private static Category category(boolean siteCheck) {
        return new Category("0101", "01", "暴露垃圾", "Exposed rubbish", "URBAN_MANAGEMENT", Map.of(), null, null, siteCheck);
    }

    @Test
    void aSearchIsATrackingCodeAPhoneOfSevenDigitsOrMoreOrWordsAndPhonesOnlyForUnmaskedRoles() {
        assertThat(CaseSearch.parse("20261122-000401")).isEqualTo(new CaseSearch("20261122-000401", null, null));
        assertThat(CaseSearch.parse("138 1234-5678")).isEqualTo(new CaseSearch(null, "13812345678", null));
        assertThat(CaseSearch.parse("2345678")).isEqualTo(new CaseSearch(null, "2345678", null));
        assertThat(CaseSearch.parse("202611")).as("six digits are words").isEqualTo(new CaseSearch(null, null, "202611"));
        assertThat(CaseSearch.parse("路灯 不亮")).isEqualTo(new CaseSearch(null, null, "路灯 不亮"));
        assertThat(CaseSearch.parse("  ")).isNull();
        assertThat(CaseSearch.parse("13812345678").withoutPhones()).isEqualTo(new CaseSearch(null, null, "13812345678"));
        assertThat(CaseSearch.parse("50%_off").wordsPattern()).isEqualTo("%50\\%\\_off%");
    }

    @Test
    void aCaseIsResolvedFromTheUnitsResultUntilItIsClosedAndNotWhenReopenedOrVoided() {
        assertThat(java.util.Arrays.stream(CaseState.values()).filter(CaseState::resolved))
                .containsExactly(CaseState.RESOLVED, CaseState.VERIFIED, CaseState.RATED, CaseState.CLOSED);
    }
}
