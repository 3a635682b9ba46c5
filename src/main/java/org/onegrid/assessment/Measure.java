package org.onegrid.assessment;

/**
 * A daily count kept per unit, base grid, category and district; each is a column of
 * {@code figure_day}. The indicators are ratios of these (see {@link Figures}).
 */
public enum Measure {
    /** Cases recorded (受理), by the day received; a case merged into another stops counting. */
    RECEIVED("received"),
    /** Cases given to a unit (派单), by dispatch, escalation, whistle or arbitration; counted for the unit taking it. */
    DISPATCHED("dispatched"),
    /** Sign-fors (签收), by the day signed. */
    SIGNED_FOR("signed_for"),
    /** Sign-for deadlines met or missed, by the deadline's day. */
    SIGN_DUE("sign_due"),
    /** Sign-for deadlines met, by the deadline's day. */
    SIGN_ON_TIME("sign_on_time"),
    /** Handling deadlines met or missed, by the deadline's day. */
    HANDLING_DUE("handling_due"),
    /** Handling deadlines met (resolved by the deadline), by the deadline's day. */
    HANDLING_ON_TIME("handling_on_time"),
    /** Resolutions (办结), by the day resolved. */
    RESOLVED("resolved"),
    /** Handling steps started: sign-fors and reopenings, by their day. */
    STARTED("started"),
    /** Handling steps resolved, by the day the step started. */
    STARTED_RESOLVED("started_resolved"),
    /** Returns (退单), counted for the unit returning. */
    RETURNED("returned"),
    /** Reopenings after a failed verification or a dissatisfied rating (返工/重办). */
    REWORKED("reworked"),
    /** Extensions granted (延期). */
    EXTENDED("extended"),
    /** Ratings given (回访). */
    RATINGS("ratings"),
    /** Ratings of 4-5 stars (满意). */
    SATISFIED("satisfied"),
    /** Ratings of 3 stars (基本满意). */
    BASICALLY_SATISFIED("basically_satisfied"),
    /** Working seconds from the start of the handling step to its resolution, by the day resolved. */
    HANDLING_SECONDS("handling_seconds");

    private final String column;

    Measure(String column) {
        this.column = column;
    }

    /** The name of the count in the API and its {@code figure_day} column. */
    public String column() {
        return column;
    }

    /** The measure of a count's name ({@code resolved}, {@code sign_due}), if it is one. */
    public static java.util.Optional<Measure> ofColumn(String column) {
        return java.util.Arrays.stream(values()).filter(m -> m.column.equals(column)).findFirst();
    }
}
