package org.onegrid.calendar;

/**
 * A handling time limit (办理时限) as rules state it: so many working days or working hours.
 */
public record TimeLimit(int amount, Unit unit) {

    public enum Unit { WORKING_DAYS, WORKING_HOURS }

    public TimeLimit {
        if (amount < 1) {
            throw new IllegalArgumentException("a time limit must be at least 1, got " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("a time limit needs a unit");
        }
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(days, Unit.WORKING_DAYS);
    }

    public static TimeLimit workingHours(int hours) {
        return new TimeLimit(hours, Unit.WORKING_HOURS);
    }

    @Override
    public String toString() {
        return amount + (unit == Unit.WORKING_DAYS ? " working days" : " working hours");
    }
}
