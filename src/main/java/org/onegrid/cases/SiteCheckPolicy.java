package org.onegrid.cases;

import org.onegrid.catalog.Category;
import org.onegrid.directory.Role;

/**
 * 核查: a resolved case is checked on site (by a grid worker or the dispatcher) before the rating
 * call, unless its category says no site check is needed; a case with no category is always
 * checked. Without a site check the rating call follows the resolution directly. A grid team
 * does not check its own work: a case its grid's team settled is checked by the dispatcher or a
 * grid worker of another team.
 */
final class SiteCheckPolicy {

    private SiteCheckPolicy() {
    }

    public static boolean required(Category category) {
        return category == null || category.verificationRequired();
    }

    /** Whether {@code actor} may check the result of a case owned by {@code ownerUnitId}: not their own team's. */
    static boolean mayCheck(CaseActor actor, Long ownerUnitId) {
        return !(actor.role() == Role.GRID_WORKER && actor.worksFor(ownerUnitId));
    }

    /** Whether the rating call may come now: after the site check, or straight after the resolution when none is needed. */
    public static boolean mayRate(CaseState state, Category category) {
        return state == CaseState.VERIFIED || (state == CaseState.RESOLVED && !required(category));
    }
}
