package org.onegrid.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The hours of a working day that count towards a limit in working hours; by default
 * 09:00-12:00 and 13:00-18:00. The end of the last period is when a working day ends.
 */
public record OfficeHours(List<Period> periods) {

    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("an office period must end after it starts: " + start + "-" + end);
            }
        }
    }

    public OfficeHours {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("office periods must be in order and not overlap");
            }
        }
    }

    /** Parses "09:00-12:00,13:00-18:00". */
    public static OfficeHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            periods.add(new Period(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
        }
        return new OfficeHours(periods);
    }

    public LocalTime endOfDay() {
        return periods.get(periods.size() - 1).end();
    }
}
