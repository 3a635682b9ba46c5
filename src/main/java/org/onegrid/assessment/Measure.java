package org.onegrid.assessment;

/**
 * A daily count kept per unit, base grid, category and district; each is a column of
 * {@code figure_day}, and each case's share of it a row of {@code figure_fact}. The indicators are ratios of these (see {@link Figures}).
 */
public enum Measure {
    /** Cases recorded (受理), by the day received; a case merged into another stops counting. */
    RECEIVED("received", 1),
    /** Cases given to a unit (派单), by dispatch, escalation, whistle or arbitration; counted for the unit taking it. */
    DISPATCHED("dispatched", 2),
    /** Sign-fors (签收), by the day signed. */
    SIGNED_FOR("signed_for", 3),
    /** Sign-for deadlines met or missed, by the deadline's day. */
    SIGN_DUE("sign_due", 4),
    /** Sign-for deadlines met, by the deadline's day. */
    SIGN_ON_TIME("sign_on_time", 5),
    /** Handling deadlines met or missed, by the deadline's day. */
    HANDLING_DUE("handling_due", 6),
    /** Handling deadlines met (resolved by the deadline), by the deadline's day. */
    HANDLING_ON_TIME("handling_on_time", 7),
    /** Resolutions (办结), by the day resolved. */
    RESOLVED("resolved", 8),
    /** Handling steps started: sign-fors and reopenings, by their day. */
    STARTED("started", 9),
    /** Handling steps resolved, by the day the step started. */
    STARTED_RESOLVED("started_resolved", 10),
    /** Returns (退单), counted for the unit returning. */
    RETURNED("returned", 11),
    /** Reopenings after a failed verification or a dissatisfied rating (返工/重办). */
    REWORKED("reworked", 12),
    /** Extensions granted (延期). */
    EXTENDED("extended", 13),
    /** Ratings given (回访). */
    RATINGS("ratings", 14),
    /** Ratings of 4-5 stars (满意). */
    SATISFIED("satisfied", 15),
    /** Ratings of 3 stars (基本满意). */
    BASICALLY_SATISFIED("basically_satisfied", 16),
    /** Working seconds from the start of the handling step to its resolution, by the day resolved. */
    HANDLING_SECONDS("handling_seconds", 17);

    private final String column;
    private final short code;

    Measure(String column, int code) {
        this.column = column;
        this.code = (short) code;
    }

    /** The number {@code figure_fact} stores the measure as; fixed for good, whatever the order here. */
    short code() {
        return code;
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
