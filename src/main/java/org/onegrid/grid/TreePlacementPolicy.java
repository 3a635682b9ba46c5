package org.onegrid.grid;

import java.util.Map;
import java.util.Optional;

/**
 * Where a node may hang in the territory tree. A node lies in the tier its code's prefix names;
 * its parent is that tier's node, or a grouping node directly within that tier (a village under
 * its town's 管区). A grouping node hangs under its own tier. The level a node names must fit
 * its code's length.
 */
final class TreePlacementPolicy {

    private TreePlacementPolicy() {
    }

    /** Why {@code node} cannot hang where it says, or empty when it can. */
    static Optional<String> refusal(GridNode node, TerritoryLevel level, Map<String, GridNode> known) {
        if (level == null) {
            return Optional.of("names no territory level of this deployment: " + node.levelKey());
        }
        if (!level.fits(node.code())) {
            return Optional.of("a " + level.key() + " has " + (level.tier() == GridLevel.GRID ? "14 to 16" : level.codeLength())
                    + "-digit codes, not " + node.code().value().length());
        }
        GridCode tier = node.code().parent();
        String parent = node.parentCode();
        if (tier == null) {
            return parent == null ? Optional.empty() : Optional.of("a district has no parent");
        }
        if (parent == null || parent.equals(tier.value())) {
            return parent == null ? Optional.of("needs the parent " + tier.value()) : present(parent, known);
        }
        GridNode above = known.get(parent);
        if (above == null) {
            return Optional.of("parent " + parent + " does not exist");
        }
        if (node.code().grouping() || !above.code().grouping() || !tier.equals(above.code().parent())) {
            return Optional.of("must hang under " + tier.value() + " or a grouping node within it, not under " + parent);
        }
        return Optional.empty();
    }

    private static Optional<String> present(String parent, Map<String, GridNode> known) {
        return known.containsKey(parent) ? Optional.empty() : Optional.of("parent " + parent + " does not exist");
    }
}
