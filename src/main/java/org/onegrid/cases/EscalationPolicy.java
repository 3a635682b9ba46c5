package org.onegrid.cases;

import java.util.Optional;
import org.onegrid.directory.Unit;
import org.onegrid.grid.GridLevel;

/**
 * 上报: a unit that cannot settle a case passes it exactly one step up, never down or sideways.
 * The target is, in order:
 * <ol>
 *   <li>the unit the owning unit names, if it is the unit directly above it (its parent) or a unit
 *       of a higher level of the territory;</li>
 *   <li>the owner the routing rules find for the category at the next level up;</li>
 *   <li>the unit directly above the owner.</li>
 * </ol>
 */
final class EscalationPolicy {

    private EscalationPolicy() {
    }

    /** Why a unit named by the owner cannot take the case, or empty when it can. */
    public static Optional<String> refusalOfNamed(Unit owner, Unit named) {
        if (owner == null) {
            return Optional.empty();
        }
        if (named.id() == owner.id()) {
            return Optional.of("the case is already with unit " + named.id());
        }
        boolean parent = owner.parentId() != null && owner.parentId() == named.id();
        if (!parent && !isAbove(named.kind().level(), owner.kind().level())) {
            return Optional.of("escalation goes one level up: unit " + named.id() + " (" + named.kind().level()
                    + ") is not above the owner (" + owner.kind().level() + ")");
        }
        return Optional.empty();
    }

    /** Whether {@code a} is a higher level of the territory than {@code b} (the district is the highest). */
    static boolean isAbove(GridLevel a, GridLevel b) {
        return a.ordinal() < b.ordinal();
    }
}
