package org.onegrid.cases;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The body of a transition; each action reads the fields it needs:
 * dispatch {@code unitId}; return {@code reason} (NOT_OUR_FUNCTION, NOT_OUR_TERRITORY,
 * UNCLEAR_OWNERSHIP); resolve {@code result}; verify {@code passed}; rate {@code stars} 1-5;
 * void and escalate {@code reason} (escalate also an optional {@code unitId});
 * request-extension {@code workingDays} and {@code reason}; approve-extension {@code approved}
 * (true when left out); arbitrate {@code unitId} and {@code saveAsRule} (keep the decision as a
 * routing rule for this category in this community); whistle {@code unitId} (the lead unit) and
 * {@code coHandlerUnitIds}; report-in {@code result} (the co-handler's part). Every action takes
 * an optional {@code note}; merge {@code intoCaseId} (the case that stays); categorise
 * {@code categoryCode}.
 */
public record ActionRequest(@JsonAlias("unit") Long unitId, String reason, String result, Integer stars, String note,
                            Boolean passed, Boolean approved, Integer workingDays, Boolean saveAsRule,
                            java.util.List<Long> coHandlerUnitIds, Long intoCaseId, String categoryCode) {

    public static final ActionRequest EMPTY = new ActionRequest(null, null, null, null, null, null, null, null);

    public ActionRequest(Long unitId, String reason, String result, Integer stars, String note, Boolean passed,
                         Boolean approved, Integer workingDays) {
        this(unitId, reason, result, stars, note, passed, approved, workingDays, null, null, null, null);
    }

    /** The body of a whistle: a lead unit and the co-handlers it summons. */
    public static ActionRequest whistle(long leadUnitId, java.util.List<Long> coHandlerUnitIds) {
        return new ActionRequest(leadUnitId, null, null, null, null, null, null, null, null, coHandlerUnitIds, null, null);
    }

    /** The body of a categorisation. */
    public static ActionRequest categorise(String categoryCode, String note) {
        return new ActionRequest(null, null, null, null, note, null, null, null, null, null, null, categoryCode);
    }
}
