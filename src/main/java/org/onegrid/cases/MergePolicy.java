package org.onegrid.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * 合并: a report of a matter already being handled is merged into that case: it becomes VOID and
 * its reporter is linked to the case that stays, so that each reporter is told and can rate. The
 * case that stays must still be in hand (received, dispatched, accepted or returned): a resolved,
 * checked, rated or closed case would swallow the new call unseen, so such a call stays a case
 * of its own.
 */
final class MergePolicy {

    /** The states a case may be in to take another case merged into it. */
    public static final Set<CaseState> TAKES_MERGED = EnumSet.of(CaseState.RECEIVED, CaseState.DISPATCHED,
            CaseState.ACCEPTED, CaseState.RETURNED);

    private MergePolicy() {
    }

    /** Whether case {@code sourceId} may be merged into case {@code targetId}, which is in {@code targetState}. */
    public static boolean mayMerge(long sourceId, long targetId, CaseState targetState) {
        return sourceId != targetId && TAKES_MERGED.contains(targetState);
    }
}
