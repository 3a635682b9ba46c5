package org.onegrid.gridwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.Validation;

/** The grid-work rules that live in named classes, each stated in words. */
class GridWorkPoliciesTest {

    private static final Instant START = Instant.parse("2026-12-05T01:00:00Z");
    private static final Instant END = START.plusSeconds(3 * 3600);

    @Test
    void aCadreChecksInForTheirOwnShiftFromHalfAnHourBeforeItUntilItsEndAndNearTheCompound() {
        assertThat(CheckInPolicy.isTheirs(7, 7)).isTrue();
        assertThat(CheckInPolicy.isTheirs(7, 8)).isFalse();
        assertThat(CheckInPolicy.outsideWindow(START, END, START.minusSeconds(30 * 60))).isEmpty();
        assertThat(CheckInPolicy.outsideWindow(START, END, START.minusSeconds(31 * 60))).isPresent();
        assertThat(CheckInPolicy.outsideWindow(START, END, END)).isEmpty();
        assertThat(CheckInPolicy.outsideWindow(START, END, END.plusSeconds(1))).get().asString().contains("ended");
        assertThat(CheckInPolicy.nearEnough(300, 300)).isTrue();
        assertThat(CheckInPolicy.nearEnough(301, 300)).isFalse();
    }

    @Test
    void anInspectionAnswersEveryItemOnceAndAFailedItemSaysWhatWasWrong() {
        Validation complete = new Validation();
        InspectionPolicy.check(complete, 2, List.of(new Inspections.ItemResult(1, true, null),
                new Inspections.ItemResult(2, false, "通道堵塞")));
        assertThat(complete.ok()).isTrue();
        Validation twice = new Validation();
        InspectionPolicy.check(twice, 2, List.of(new Inspections.ItemResult(1, true, null),
                new Inspections.ItemResult(1, true, null)));
        assertThat(twice.ok()).isFalse();
        Validation silent = new Validation();
        InspectionPolicy.check(silent, 1, List.of(new Inspections.ItemResult(1, false, " ")));
        assertThat(silent.ok()).isFalse();
    }

    @Test
    void pointsAreThreePerCaseOnTimeOneLateOnePerPatrolAndInspectionTwoPerShiftAndTheRatingsOnTop() {
        assertThat(ScorecardFormula.points(4, 3, 0, 0, 0, 0, 0)).isEqualTo(10);
        assertThat(ScorecardFormula.points(0, 0, 5, 2, 1, 0, 0)).isEqualTo(9);
        assertThat(ScorecardFormula.points(2, 2, 0, 0, 0, 1, 1)).isEqualTo(5);
    }

    @Test
    void aPatrolKeepsLaterPositionsAndCountsNoJumpOfTheFix() {
        StaffMember walker = new StaffMember(3, "gw", "网格员", Role.GRID_WORKER, null);
        Patrol patrol = new Patrol(1, 3, START, null, null, 0, null);
        List<Patrol.TrackPoint> kept = patrol.track(walker, List.of(
                new Patrol.TrackPoint(START.plusSeconds(60), 34.5555, 119.1355),
                new Patrol.TrackPoint(START.plusSeconds(120), 34.5560, 119.1355),
                new Patrol.TrackPoint(START.plusSeconds(30), 34.5550, 119.1355)));
        assertThat(kept).hasSize(3);
        assertThat(patrol.distanceMeters()).isBetween(90.0, 120.0);
        assertThat(patrol.track(walker, List.of(new Patrol.TrackPoint(START.plusSeconds(100), 34.6, 119.2)))).isEmpty();
        patrol.track(walker, List.of(new Patrol.TrackPoint(START.plusSeconds(121), 34.6, 119.2)));
        assertThat(patrol.distanceMeters()).as("a jump of kilometres in a second is not walked").isLessThan(120.0);
    }
}
