package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onegrid.calendar.TimeLimit;
import org.onegrid.catalog.Category;
import org.onegrid.catalog.OwnerRule;
import org.onegrid.catalog.Urgency;
import org.onegrid.directory.UnitKind;
import org.onegrid.grid.GridLevel;

/**
 * The 2/3/1 ladder of seed 004, in words: a village or community solves within 2 working days,
 * a town department within 3, and what is beyond the town is reported up within 1 working day;
 * the district has the category's own limit; an urgent category keeps its shorter limit; a base
 * grid's team settles what its grid owns within 2 working days (小事不出格).
 */
class EscalationLadderTest {

    private final EscalationLadder ladder = new EscalationLadder(null, null, null, null);

    private static Category category(TimeLimit limit, GridLevel... ownedAt) {
        Map<GridLevel, OwnerRule> owners = new EnumMap<>(GridLevel.class);
        for (GridLevel level : ownedAt) {
            owners.put(level, new OwnerRule(level == GridLevel.GRID ? UnitKind.GRID_TEAM
                    : level == GridLevel.COMMUNITY ? UnitKind.COMMUNITY_COMMITTEE
                    : level == GridLevel.STREET ? UnitKind.STREET_DEPARTMENT : UnitKind.DISTRICT_DEPARTMENT, "X"));
        }
        return new Category("9901", "99", "测试", "test", "X", owners, limit, Urgency.ROUTINE, true);
    }

    @Test
    void aCommunityHasTwoWorkingDays() {
        Category assistance = category(TimeLimit.workingDays(5), GridLevel.COMMUNITY, GridLevel.STREET, GridLevel.DISTRICT);
        assertThat(ladder.clockFor(GridLevel.COMMUNITY, assistance)).isEqualTo(TimeLimit.workingDays(2));
    }

    @Test
    void aGridTeamHasTwoWorkingDaysForWhatItsGridOwnsAndOneToReportUpTheRest() {
        Category clutter = category(TimeLimit.workingDays(5), GridLevel.GRID, GridLevel.COMMUNITY);
        assertThat(ladder.clockFor(GridLevel.GRID, clutter)).isEqualTo(TimeLimit.workingDays(2));
        Category parking = category(TimeLimit.workingDays(1), GridLevel.GRID, GridLevel.COMMUNITY);
        assertThat(ladder.clockFor(GridLevel.GRID, parking)).isEqualTo(TimeLimit.workingDays(1));
        Category assistance = category(TimeLimit.workingDays(5), GridLevel.COMMUNITY);
        assertThat(ladder.clockFor(GridLevel.GRID, assistance)).isEqualTo(TimeLimit.workingDays(1));
    }

    @Test
    void aTownDepartmentHasThreeWorkingDays() {
        Category structure = category(TimeLimit.workingDays(15), GridLevel.STREET, GridLevel.DISTRICT);
        assertThat(ladder.clockFor(GridLevel.STREET, structure)).isEqualTo(TimeLimit.workingDays(3));
    }

    @Test
    void whatIsBeyondTheLevelIsReportedUpWithinOneWorkingDay() {
        Category manhole = category(TimeLimit.workingHours(4), GridLevel.DISTRICT);
        assertThat(ladder.clockFor(GridLevel.STREET, manhole)).isEqualTo(TimeLimit.workingDays(1));
        assertThat(ladder.clockFor(GridLevel.COMMUNITY, manhole)).isEqualTo(TimeLimit.workingDays(1));
    }

    @Test
    void theDistrictHasTheCategoryLimitAndAShorterCategoryLimitAlwaysWins() {
        Category structure = category(TimeLimit.workingDays(15), GridLevel.STREET, GridLevel.DISTRICT);
        assertThat(ladder.clockFor(GridLevel.DISTRICT, structure)).isEqualTo(TimeLimit.workingDays(15));
        Category rubbish = category(TimeLimit.workingDays(1), GridLevel.COMMUNITY, GridLevel.STREET);
        assertThat(ladder.clockFor(GridLevel.COMMUNITY, rubbish)).isEqualTo(TimeLimit.workingDays(1));
        Category dirtyRoad = category(TimeLimit.workingHours(5), GridLevel.STREET);
        assertThat(ladder.clockFor(GridLevel.STREET, dirtyRoad)).isEqualTo(TimeLimit.workingHours(5));
    }

    @Test
    void aDeploymentSetsItsOwnClocks() {
        EscalationLadder local = new EscalationLadder(1, 3, 5, 2);
        Category any = category(TimeLimit.workingDays(10), GridLevel.COMMUNITY, GridLevel.STREET);
        assertThat(local.clockFor(GridLevel.COMMUNITY, any)).isEqualTo(TimeLimit.workingDays(3));
        assertThat(local.clockFor(GridLevel.GRID, category(TimeLimit.workingDays(10), GridLevel.GRID)))
                .isEqualTo(TimeLimit.workingDays(1));
        assertThat(local.clockFor(GridLevel.STREET, any)).isEqualTo(TimeLimit.workingDays(5));
        assertThat(local.clockFor(GridLevel.STREET, category(TimeLimit.workingDays(10), GridLevel.DISTRICT)))
                .isEqualTo(TimeLimit.workingDays(2));
    }
}
