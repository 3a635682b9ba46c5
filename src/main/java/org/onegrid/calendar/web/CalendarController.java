package org.onegrid.calendar.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.onegrid.calendar.CalendarService;
import org.onegrid.calendar.CalendarYear;
import org.onegrid.calendar.TimeLimit;
import org.onegrid.calendar.WorkingCalendar;
import org.onegrid.errors.ApiProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deadline arithmetic and the calendar's year files over HTTP. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final CalendarService calendars;

    CalendarController(CalendarService calendars) {
        this.calendars = calendars;
    }

    /** {@code ?from=2024-09-30T10:00:00+08:00&workingDays=2} or {@code &workingHours=5}. */
    @GetMapping("/deadline")
    Map<String, OffsetDateTime> deadline(@RequestParam String from,
                                         @RequestParam(required = false) Integer workingDays,
                                         @RequestParam(required = false) Integer workingHours) {
        WorkingCalendar calendar = calendars.calendar();
        Instant start = parseMoment(from, calendar);
        if ((workingDays == null) == (workingHours == null)) {
            throw ApiProblemException.invalid("workingDays", "give exactly one of workingDays and workingHours");
        }
        TimeLimit limit;
        if (workingDays != null) {
            requireBetween("workingDays", workingDays, WorkingCalendar.MAX_WORKING_DAYS);
            limit = TimeLimit.workingDays(workingDays);
        } else {
            requireBetween("workingHours", workingHours, WorkingCalendar.MAX_WORKING_HOURS);
            limit = TimeLimit.workingHours(workingHours);
        }
        return Map.of("due", calendar.due(start, limit));
    }

    @GetMapping("/years")
    List<CalendarYear> years() {
        return calendars.years();
    }

    @GetMapping("/years/{year}")
    CalendarYear year(@PathVariable int year) {
        return calendars.year(year);
    }

    @PutMapping("/years/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    CalendarYear putYear(@PathVariable int year, @RequestBody CalendarYear body, Authentication user) {
        return calendars.putYear(year, body, user.getName());
    }

    /** ISO-8601 with an offset; a local date-time is read in the calendar's zone. */
    private static Instant parseMoment(String text, WorkingCalendar calendar) {
        // An unencoded '+' in a query string arrives as a space.
        String value = text.trim().replace(' ', '+');
        Instant moment;
        try {
            moment = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                moment = LocalDateTime.parse(value).atZone(calendar.zone()).toInstant();
            } catch (DateTimeException e) {
                throw ApiProblemException.invalid("from", "must be an ISO-8601 date-time such as 2024-09-30T10:00:00+08:00");
            }
        }
        org.onegrid.errors.Validation.requireYear("from", moment.atOffset(java.time.ZoneOffset.UTC).getYear());
        return moment;
    }

    private static void requireBetween(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw ApiProblemException.invalid(field, "must be between 1 and " + max);
        }
    }
}
