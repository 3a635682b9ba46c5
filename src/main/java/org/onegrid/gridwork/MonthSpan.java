package org.onegrid.gridwork;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** A calendar month in the district's time zone, as the instants [from, to). */
record MonthSpan(Instant from, Instant to) {

    static MonthSpan of(YearMonth month, ZoneId zone) {
        return new MonthSpan(month.atDay(1).atStartOfDay(zone).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }
}
