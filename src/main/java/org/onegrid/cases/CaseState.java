package org.onegrid.cases;

/** Where a case stands in its life cycle. */
public enum CaseState {
    /** 受理: taken in through any channel, located to a grid, classified. */
    RECEIVED,
    /** 派单: sent to one handling unit with a sign-for deadline. */
    DISPATCHED,
    /** 签收: the unit has taken it; the handling clock runs. */
    ACCEPTED,
    /** 退单: the unit says it is not theirs; back to dispatch. */
    RETURNED,
    /** 办结: the unit reported its result. */
    RESOLVED,
    /** 核查: the result was confirmed (on site where the category requires it). */
    VERIFIED,
    /** 回访: the reporter rated the result. */
    RATED,
    /** 结案/销号: archived and counted in assessment. */
    CLOSED,
    /** 作废/合并: spam, or merged into a duplicate. */
    VOID;

    /** Whether the unit's result stands: resolved, verified, rated or closed (a reopened case is accepted again). */
    public boolean resolved() {
        return this == RESOLVED || this == VERIFIED || this == RATED || this == CLOSED;
    }

    public boolean isOpen() {
        return this != CLOSED && this != VOID;
    }

    /** Whether another case may be merged into a case in this state ({@link MergePolicy}). */
    public boolean takesMerged() {
        return MergePolicy.TAKES_MERGED.contains(this);
    }
}
