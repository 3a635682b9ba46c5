package org.onegrid.eveningtalks;

import java.time.Instant;
import java.time.LocalDate;
import org.onegrid.cases.CaseState;

/**
 * Where a decided topic stands, for the next meeting's opening report (上次议题进展): a matter
 * settled on the spot is done when its owner reported it done; a forwarded one when its case is
 * resolved (resolved, verified, rated or closed); either is overdue once its day has passed.
 */
public enum TopicProgress {
    DONE, IN_PROGRESS, OVERDUE, VOIDED;

    static TopicProgress of(TopicOutcomePolicy.Outcome outcome, Instant doneAt, CaseState caseState, LocalDate dueOn,
                            LocalDate today) {
        boolean done = outcome == TopicOutcomePolicy.Outcome.SETTLED ? doneAt != null : resolved(caseState);
        if (done) {
            return DONE;
        }
        if (caseState == CaseState.VOID) {
            return VOIDED;
        }
        return today.isAfter(dueOn) ? OVERDUE : IN_PROGRESS;
    }

    static boolean resolved(CaseState state) {
        return state != null && state.resolved();
    }
}
