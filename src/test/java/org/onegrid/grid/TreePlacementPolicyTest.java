package org.onegrid.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a node may hang, and what a code says about its tier, stated without a database. */
class TreePlacementPolicyTest {

    private static final TerritoryLevel COMMUNITY = new TerritoryLevel("COMMUNITY", "社区/村", "Community", GridLevel.COMMUNITY, 12);
    private static final TerritoryLevel MANAGED_AREA = new TerritoryLevel("MANAGED_AREA", "管区", "Managed area", null, 11);

    private final GridNode town = new GridNode(new GridCode("370403001"), "陶庄镇", null);
    private final GridNode area = new GridNode(new GridCode("37040300101"), "一管区", null, "370403001", "MANAGED_AREA");
    private final GridNode otherArea = new GridNode(new GridCode("37040300201"), "邻镇管区", null, "370403002", "MANAGED_AREA");
    private final Map<String, GridNode> known = Map.of("370403", new GridNode(new GridCode("370403"), "薛城区", null),
            "370403001", town, "37040300101", area, "37040300201", otherArea);

    @Test
    void aVillageHangsUnderItsTownOrUnderAManagedAreaOfThatTown() {
        assertThat(TreePlacementPolicy.refusal(village("370403001"), COMMUNITY, known)).isEmpty();
        assertThat(TreePlacementPolicy.refusal(village("37040300101"), COMMUNITY, known)).isEmpty();
        assertThat(TreePlacementPolicy.refusal(village("37040300201"), COMMUNITY, known)).isPresent();
        assertThat(TreePlacementPolicy.refusal(village("37040300199"), COMMUNITY, known)).get().asString().contains("does not exist");
    }

    @Test
    void aLevelMustFitTheCodesLength() {
        assertThat(TreePlacementPolicy.refusal(village("370403001"), MANAGED_AREA, known)).isPresent();
        assertThat(TreePlacementPolicy.refusal(village("370403001"), null, known)).isPresent();
        assertThat(TreePlacementPolicy.refusal(area, MANAGED_AREA, known)).isEmpty();
    }

    @Test
    void aGroupingCodeNamesNoTierAndItsEnclosingTierIsTheCodesPrefix() {
        GridCode grid = new GridCode("370403001201001");
        assertThat(new GridCode("37040300101").level()).isNull();
        assertThat(new GridCode("37040300101").parent().value()).isEqualTo("370403001");
        assertThat(new GridCode("37040301").parent().value()).isEqualTo("370403");
        assertThat(grid.ancestorAt(GridLevel.COMMUNITY).value()).isEqualTo("370403001201");
        assertThat(grid.ancestorAt(GridLevel.STREET).value()).isEqualTo("370403001");
        assertThat(GridCode.isValid("3704030010")).isFalse();
        assertThat(GridCode.isValid("3704030010120")).isFalse();
    }

    private static GridNode village(String parent) {
        return new GridNode(new GridCode("370403001201"), "试验村", null, parent, "COMMUNITY");
    }
}
