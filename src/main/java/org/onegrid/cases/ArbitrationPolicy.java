package org.onegrid.cases;

import org.onegrid.calendar.TimeLimit;

/**
 * Ownerless matters (无头事项, seed 002): a case returned {@link #RETURNS_BEFORE_ARBITRATION}
 * times, or one no routing rule can place, goes to the arbitration queue, where the command
 * centre decides its owner within {@link #DECISION}. The decision is final for that case: the
 * unit chosen cannot return it. When nobody decides in time, the fallback owner takes it: the
 * street/town office of the case's location (属地兜底), or the command centre when the case has no
 * location.
 */
public final class ArbitrationPolicy {

    public static final int RETURNS_BEFORE_ARBITRATION = 2;
    public static final TimeLimit DECISION = TimeLimit.workingDays(1);

    private ArbitrationPolicy() {
    }

    public static boolean returnsSendToArbitration(int returnCount) {
        return returnCount >= RETURNS_BEFORE_ARBITRATION;
    }
}
