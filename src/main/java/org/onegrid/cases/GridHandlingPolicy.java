package org.onegrid.cases;

import java.util.Optional;
import org.onegrid.catalog.Category;
import org.onegrid.directory.Role;

/**
 * 小事不出格 (seeds 001 and 004): a matter whose category names the base grid's team as its
 * lowest owner stays in the grid.
 * <ul>
 *   <li>Found by a grid worker in one of their grids, it goes straight to that grid's team, with
 *       no dispatcher in between; received by any other channel, the dispatcher's routing sends it
 *       there too.</li>
 *   <li>A grid worker may settle it on the spot (随手办): reported, signed for and resolved in one
 *       go, on the grid's 2-working-day clock from receipt; then the usual site check and rating.</li>
 *   <li>Only in their own grids, and only a matter the grid owns: anything else is reported, and
 *       what the grid cannot settle is escalated one level up with a reason.</li>
 * </ul>
 */
final class GridHandlingPolicy {

    private GridHandlingPolicy() {
    }

    /** Whether a case recorded by someone in {@code role} goes to its grid's team without a dispatcher. */
    static boolean goesStraightToTeam(Role role, Category category, String gridCode) {
        return role == Role.GRID_WORKER && category != null && category.gridOwned() && gridCode != null;
    }

    /** Why this matter cannot be settled on the spot by a grid worker, or empty when it can. */
    static Optional<String> whyNotOnTheSpot(Category category) {
        if (category == null) {
            return Optional.of("name the matter's category: only a matter the grid owns is settled on the spot");
        }
        if (!category.gridOwned()) {
            return Optional.of(category.code() + " " + category.name()
                    + " is not a matter the grid settles itself; report it instead");
        }
        return Optional.empty();
    }
}
