package org.onegrid.cases;

import java.util.Optional;
import org.onegrid.directory.Unit;

import org.onegrid.calendar.TimeLimit;

/**
 * Ownerless matters (无头事项, seed 002): a case returned {@link #RETURNS_BEFORE_ARBITRATION}
 * times, or one no routing rule can place, goes to the arbitration queue, where the command
 * centre decides its owner within {@link #DECISION}. The decision is final for that case: the
 * unit chosen cannot return it. When nobody decides in time, the fallback owner takes it: the
 * street/town office of the case's location (属地兜底), or the command centre when the case has no
 * location.
 */
final class ArbitrationPolicy {

    public static final int RETURNS_BEFORE_ARBITRATION = 2;
    public static final TimeLimit DECISION = TimeLimit.workingDays(1);

    private ArbitrationPolicy() {
    }

    public static boolean returnsSendToArbitration(int returnCount) {
        return returnCount >= RETURNS_BEFORE_ARBITRATION;
    }

    /**
     * The owner of a case nobody arbitrated in time: the street/town office of its location, or
     * the command centre when it has none (or no street office serves the location).
     */
    public static Optional<Unit> fallbackOwner(Optional<Unit> streetOfficeOfLocation, Optional<Unit> commandCentre) {
        return streetOfficeOfLocation.or(() -> commandCentre);
    }
}
