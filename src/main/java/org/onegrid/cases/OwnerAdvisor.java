package org.onegrid.cases;

import java.util.Optional;
import org.onegrid.catalog.Category;
import org.onegrid.grid.GridLevel;

/**
 * Who should own a case: implemented by the dispatch module's routing, asked by the case
 * module when a dispatcher dispatches or a unit escalates without naming a unit.
 */
public interface OwnerAdvisor {

    /** The advice and, in words, the rule and inputs that gave it, for the timeline. */
    record Advice(long unitId, String unitName, GridLevel level, String explanation) {
    }

    /** The owner at the lowest level whose catalogue entry names one. */
    Optional<Advice> ownerFor(Category category, String gridCode);

    /** The owner at the lowest level above {@code level} whose catalogue entry names one. */
    Optional<Advice> ownerAbove(Category category, String gridCode, GridLevel level);

    /** Keeps an arbitrator's decision as a rule: this category, in this community, goes to this unit. */
    void learn(String categoryCode, String gridCode, long unitId, String actor);
}
