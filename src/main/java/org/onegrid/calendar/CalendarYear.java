package org.onegrid.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's notice of holidays and make-up workdays (调休), as the State Council publishes it.
 *
 * @param year           the year of the notice
 * @param notice         where the notice was published (optional)
 * @param holidays       days off, weekend days included
 * @param makeUpWorkdays weekend days that are working days
 */
public record CalendarYear(int year, List<String> notice, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {

    public CalendarYear {
        notice = notice == null ? List.of() : List.copyOf(notice);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        makeUpWorkdays = makeUpWorkdays == null ? List.of() : List.copyOf(makeUpWorkdays);
    }
}
