package org.onegrid.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Deadline arithmetic in Chinese working days. A day is a working day when the year's notice
 * says so (a make-up workday) or, failing that, when it is Monday to Friday and not a holiday.
 * <ul>
 *   <li>N working days from a moment: due at the end of office hours (18:00) on the N-th working
 *       day after the day of receipt, whatever the hour of receipt.</li>
 *   <li>N working hours from a moment: due once N hours of office time have passed, counting only
 *       office periods of working days.</li>
 * </ul>
 * Instances are immutable; {@link CalendarService} swaps in a new one when a year is added.
 */
public final class WorkingCalendar {

    /** No rule in the platform allows more; it bounds the walk through the calendar. */
    public static final int MAX_WORKING_DAYS = 366;
    public static final int MAX_WORKING_HOURS = 366 * 8;

    private final ZoneId zone;
    private final OfficeHours officeHours;
    private final Map<LocalDate, Boolean> exceptions;

    public WorkingCalendar(ZoneId zone, OfficeHours officeHours, Collection<CalendarYear> years) {
        this.zone = zone;
        this.officeHours = officeHours;
        Map<LocalDate, Boolean> days = new HashMap<>();
        years.stream().sorted(java.util.Comparator.comparingInt(CalendarYear::year)).forEach(year -> {
            year.holidays().forEach(d -> days.put(d, Boolean.FALSE));
            year.makeUpWorkdays().forEach(d -> days.put(d, Boolean.TRUE));
        });
        this.exceptions = Map.copyOf(days);
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The moment a limit runs out when its clock starts at {@code from}. */
    public OffsetDateTime due(Instant from, TimeLimit limit) {
        return limit.unit() == TimeLimit.Unit.WORKING_DAYS
                ? addWorkingDays(from, limit.amount())
                : addWorkingHours(from, limit.amount());
    }

    /** End of office hours on the {@code days}-th working day after the day of {@code from}. */
    public OffsetDateTime addWorkingDays(Instant from, int days) {
        checkAmount(days, MAX_WORKING_DAYS, "working days");
        LocalDate date = from.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date.atTime(officeHours.endOfDay()).atZone(zone).toOffsetDateTime();
    }

    /** The moment when {@code hours} hours of office time have passed since {@code from}. */
    public OffsetDateTime addWorkingHours(Instant from, int hours) {
        checkAmount(hours, MAX_WORKING_HOURS, "working hours");
        long remainingSeconds = hours * 3600L;
        LocalDateTime cursor = from.atZone(zone).toLocalDateTime();
        LocalDate date = cursor.toLocalDate();
        while (true) {
            if (isWorkingDay(date)) {
                for (OfficeHours.Period period : officeHours.periods()) {
                    LocalDateTime start = max(date.atTime(period.start()), cursor);
                    LocalDateTime end = date.atTime(period.end());
                    if (!start.isBefore(end)) {
                        continue;
                    }
                    long available = Duration.between(start, end).getSeconds();
                    if (remainingSeconds <= available) {
                        return start.plusSeconds(remainingSeconds).atZone(zone).toOffsetDateTime();
                    }
                    remainingSeconds -= available;
                }
            }
            date = date.plusDays(1);
            cursor = date.atTime(LocalTime.MIN);
        }
    }

    /** Office time between two moments, in seconds; zero when {@code to} is not after {@code from}. */
    public long workingSecondsBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        ZonedDateTime start = from.atZone(zone);
        LocalDateTime end = to.atZone(zone).toLocalDateTime();
        LocalDateTime cursor = start.toLocalDateTime();
        long seconds = 0;
        for (LocalDate date = cursor.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (OfficeHours.Period period : officeHours.periods()) {
                LocalDateTime a = max(date.atTime(period.start()), cursor);
                LocalDateTime b = min(date.atTime(period.end()), end);
                if (a.isBefore(b)) {
                    seconds += Duration.between(a, b).getSeconds();
                }
            }
        }
        return seconds;
    }

    private static void checkAmount(int amount, int max, String what) {
        if (amount < 1 || amount > max) {
            throw new IllegalArgumentException(what + " must be between 1 and " + max + ", got " + amount);
        }
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
