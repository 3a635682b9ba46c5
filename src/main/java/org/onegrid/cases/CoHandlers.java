package org.onegrid.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The co-handling units of one case (协办, {@link JointHandlingPolicy}), part of the {@link Case}
 * aggregate: as loaded, and those this transition summoned or whose report-in it recorded.
 */
final class CoHandlers {

    private final Map<Long, CoHandler> byUnit = new LinkedHashMap<>();
    private final Set<Long> changed = new LinkedHashSet<>();

    void load(List<CoHandler> loaded) {
        loaded.forEach(h -> byUnit.put(h.unitId(), h));
    }

    /** Summons each unit not yet on the case (the lead excepted) to report in by {@code due}; returns those summoned now. */
    Set<Long> summon(List<Long> unitIds, long leadUnitId, Instant due) {
        Set<Long> summoned = new LinkedHashSet<>();
        for (Long unit : unitIds) {
            if (unit == leadUnitId || byUnit.containsKey(unit)) {
                continue;
            }
            byUnit.put(unit, new CoHandler(unit, due, null, null));
            changed.add(unit);
            summoned.add(unit);
        }
        return summoned;
    }

    /** The summons of {@code unitId}, or null when that unit was never summoned. */
    CoHandler of(Long unitId) {
        return unitId == null ? null : byUnit.get(unitId);
    }

    void reported(CoHandler summoned, Instant at, String part) {
        byUnit.put(summoned.unitId(), new CoHandler(summoned.unitId(), summoned.dueAt(), at, part));
        changed.add(summoned.unitId());
    }

    List<CoHandler> all() {
        return List.copyOf(byUnit.values());
    }

    List<CoHandler> changed() {
        return changed.stream().map(byUnit::get).toList();
    }
}
