package org.onegrid.cases;

import java.time.Instant;
import org.onegrid.calendar.TimeLimit;
import org.onegrid.calendar.WorkingCalendar;
import java.util.function.LongFunction;
import org.onegrid.catalog.Category;
import org.onegrid.grid.GridLevel;

/**
 * The clock of each step. Every state but CLOSED and VOID has a deadline:
 * <ul>
 *   <li>RECEIVED and RETURNED: dispatch within {@link #DISPATCH} of intake or return;</li>
 *   <li>DISPATCHED: the unit signs for it within {@link #SIGN_FOR};</li>
 *   <li>ACCEPTED: the clock of the owning unit's level on the {@link EscalationLadder} (the
 *       category's limit, capped at 2 working days in a community and 3 in a street; 1 working
 *       day to report up a matter beyond the level), from signing for it or from a reopening; a
 *       base grid's team counts from receipt instead (the matter was found or received in the
 *       grid, and the grid's 2 working days are the resident's wait, seed 004);
 *       {@link #UNCATEGORISED} for a case with no category; an approved extension adds working
 *       days to the deadline in force;</li>
 *   <li>RESOLVED: verification within {@link #VERIFICATION};</li>
 *   <li>VERIFIED: the rating call within {@link #RATING_CALL} (hotline practice: the day after);</li>
 *   <li>RATED: closing within {@link #CLOSING}.</li>
 * </ul>
 */
public final class StepDeadlinePolicy {

    public static final TimeLimit DISPATCH = TimeLimit.workingHours(2);
    public static final TimeLimit SIGN_FOR = TimeLimit.workingHours(2);
    public static final TimeLimit UNCATEGORISED = TimeLimit.workingDays(5);
    public static final TimeLimit VERIFICATION = TimeLimit.workingDays(1);
    public static final TimeLimit RATING_CALL = TimeLimit.workingDays(1);
    public static final TimeLimit CLOSING = TimeLimit.workingDays(1);

    private final WorkingCalendar calendar;
    private final EscalationLadder ladder;
    private final LongFunction<GridLevel> unitLevel;

    /** {@code unitLevel} tells the level of a unit by its id. */
    public StepDeadlinePolicy(WorkingCalendar calendar, EscalationLadder ladder, LongFunction<GridLevel> unitLevel) {
        this.calendar = calendar;
        this.ladder = ladder;
        this.unitLevel = unitLevel;
    }

    public Instant dueFor(CaseState state, Instant stepStart, Category category) {
        return switch (state) {
            case RECEIVED, RETURNED -> due(stepStart, DISPATCH);
            case DISPATCHED -> due(stepStart, SIGN_FOR);
            case ACCEPTED -> throw new IllegalArgumentException("the handling deadline depends on the owner: use handlingDue");
            case RESOLVED -> due(stepStart, VERIFICATION);
            case VERIFIED -> due(stepStart, RATING_CALL);
            case RATED -> due(stepStart, CLOSING);
            case CLOSED, VOID -> null;
        };
    }

    /**
     * When the owning unit must have resolved (or reported up) a case it signs for at {@code start}
     * that was received at {@code receivedAt}: a grid team's clock runs from receipt.
     */
    public Instant handlingDue(Instant start, Instant receivedAt, Category category, Long ownerUnitId) {
        GridLevel level = ownerUnitId == null ? null : unitLevel.apply(ownerUnitId);
        Instant from = level == GridLevel.GRID && receivedAt != null && receivedAt.isBefore(start) ? receivedAt : start;
        return due(from, ladder.clockFor(level, category));
    }

    /** When a co-handler summoned now must report in. */
    public Instant reportInDue(Instant start) {
        return due(start, JointHandlingPolicy.REPORT_IN);
    }

    /** When the arbitration of an ownerless case must be decided. */
    public Instant arbitrationDue(Instant start) {
        return due(start, ArbitrationPolicy.DECISION);
    }

    /** An approved extension: so many more working days after the deadline in force. */
    public Instant extend(Instant currentDue, int workingDays) {
        return calendar.addWorkingDays(currentDue, workingDays).toInstant();
    }

    private Instant due(Instant from, TimeLimit limit) {
        return calendar.due(from, limit).toInstant();
    }
}
