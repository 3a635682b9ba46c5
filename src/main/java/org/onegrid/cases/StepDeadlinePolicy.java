package org.onegrid.cases;

import java.time.Instant;
import org.onegrid.calendar.TimeLimit;
import org.onegrid.calendar.WorkingCalendar;
import org.onegrid.catalog.Category;

/**
 * The clock of each step. Every state but CLOSED and VOID has a deadline:
 * <ul>
 *   <li>RECEIVED and RETURNED: dispatch within {@link #DISPATCH} of intake or return;</li>
 *   <li>DISPATCHED: the unit signs for it within {@link #SIGN_FOR};</li>
 *   <li>ACCEPTED: the category's handling time limit from signing for it (or from a reopening),
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
    /** The longest extension one request may ask for. */
    public static final int MAX_EXTENSION_DAYS = 30;

    private final WorkingCalendar calendar;

    public StepDeadlinePolicy(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant dueFor(CaseState state, Instant stepStart, Category category) {
        return switch (state) {
            case RECEIVED, RETURNED -> due(stepStart, DISPATCH);
            case DISPATCHED -> due(stepStart, SIGN_FOR);
            case ACCEPTED -> handlingDue(stepStart, category);
            case RESOLVED -> due(stepStart, VERIFICATION);
            case VERIFIED -> due(stepStart, RATING_CALL);
            case RATED -> due(stepStart, CLOSING);
            case CLOSED, VOID -> null;
        };
    }

    public Instant handlingDue(Instant start, Category category) {
        return due(start, category != null && category.limit() != null ? category.limit() : UNCATEGORISED);
    }

    /** An approved extension: so many more working days after the deadline in force. */
    public Instant extend(Instant currentDue, int workingDays) {
        return calendar.addWorkingDays(currentDue, workingDays).toInstant();
    }

    private Instant due(Instant from, TimeLimit limit) {
        return calendar.due(from, limit).toInstant();
    }
}
