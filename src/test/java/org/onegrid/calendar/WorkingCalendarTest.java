package org.onegrid.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deadlines in Chinese working days, over the shipped calendar files. Rule: N working days from
 * a moment are due at 18:00 on the N-th working day after the day of receipt; working hours
 * count only 09:00-12:00 and 13:00-18:00 of working days.
 */
class WorkingCalendarTest {

    private static WorkingCalendar calendar;

    @BeforeAll
    static void loadShippedYears() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        List<CalendarYear> years = new ArrayList<>();
        for (int year = 2019; year <= 2026; year++) {
            try (InputStream in = WorkingCalendarTest.class.getResourceAsStream("/calendar/cn/" + year + ".json")) {
                years.add(json.readValue(in, CalendarYear.class));
            }
        }
        calendar = new WorkingCalendar(ZoneId.of("Asia/Shanghai"), OfficeHours.parse("09:00-12:00,13:00-18:00"), years);
    }

    private static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private static String days(String from, int n) {
        return calendar.addWorkingDays(at(from), n).toString();
    }

    private static String hours(String from, int n) {
        return calendar.addWorkingHours(at(from), n).toString();
    }

    @Test
    void plainWeekSkipsTheWeekend() {
        assertThat(days("2024-03-15T10:00:00", 1)).isEqualTo("2024-03-18T18:00+08:00"); // Friday -> Monday
        assertThat(days("2024-03-11T23:30:00", 2)).isEqualTo("2024-03-13T18:00+08:00"); // the hour of receipt does not matter
    }

    @Test
    void nationalDay2024SkipsTheGoldenWeekAndCountsMakeUpDays() {
        // 2024: 1-7 October off; Sunday 29 September and Saturday 12 October are working days.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 29))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
        assertThat(days("2024-09-28T10:00:00", 1)).isEqualTo("2024-09-29T18:00+08:00"); // Saturday -> make-up Sunday
        assertThat(days("2024-09-30T10:00:00", 2)).isEqualTo("2024-10-09T18:00+08:00");
        assertThat(days("2024-10-09T10:00:00", 3)).isEqualTo("2024-10-12T18:00+08:00"); // Thu, Fri, make-up Saturday
    }

    @Test
    void springFestival2024() {
        // 2024: 10-17 February off; Sunday 4 and Sunday 18 February are working days.
        assertThat(days("2024-02-03T09:00:00", 1)).isEqualTo("2024-02-04T18:00+08:00");
        assertThat(days("2024-02-09T16:00:00", 1)).isEqualTo("2024-02-18T18:00+08:00");
        assertThat(days("2024-02-08T16:00:00", 3)).isEqualTo("2024-02-19T18:00+08:00");
    }

    @Test
    void springFestival2025() {
        // 2025: 28 January - 4 February off; Sunday 26 January and Saturday 8 February are working days.
        assertThat(days("2025-01-25T10:00:00", 1)).isEqualTo("2025-01-26T18:00+08:00");
        assertThat(days("2025-01-27T10:00:00", 1)).isEqualTo("2025-02-05T18:00+08:00");
        assertThat(days("2025-01-27T10:00:00", 4)).isEqualTo("2025-02-08T18:00+08:00");
    }

    @Test
    void nationalDay2025() {
        // 2025: 1-8 October off; Sunday 28 September and Saturday 11 October are working days.
        assertThat(days("2025-09-27T10:00:00", 1)).isEqualTo("2025-09-28T18:00+08:00");
        assertThat(days("2025-09-30T10:00:00", 1)).isEqualTo("2025-10-09T18:00+08:00");
        assertThat(days("2025-09-30T10:00:00", 3)).isEqualTo("2025-10-11T18:00+08:00");
    }

    @Test
    void workingHoursCountOnlyOfficeTime() {
        assertThat(hours("2024-03-12T10:00:00", 1)).isEqualTo("2024-03-12T11:00+08:00");
        assertThat(hours("2024-03-12T11:30:00", 1)).isEqualTo("2024-03-12T13:30+08:00"); // lunch does not count
        assertThat(hours("2024-03-12T17:00:00", 2)).isEqualTo("2024-03-13T10:00+08:00"); // overnight
        assertThat(hours("2024-03-12T20:00:00", 8)).isEqualTo("2024-03-13T18:00+08:00"); // a full day
        assertThat(hours("2024-03-12T11:00:00", 1)).isEqualTo("2024-03-12T12:00+08:00"); // ends at the end of a period
        // Across National Day 2024: 30 September 17:00 + 2h -> 1h that day, 1h on 8 October.
        assertThat(hours("2024-09-30T17:00:00", 2)).isEqualTo("2024-10-08T10:00+08:00");
        // From a holiday: the clock starts on the next working morning.
        assertThat(hours("2025-01-30T10:00:00", 4)).isEqualTo("2025-02-05T14:00+08:00");
    }

    @Test
    void workingTimeBetweenTwoMomentsIsTheInverseOfAddingHours() {
        Instant from = at("2024-09-30T17:00:00");
        Instant to = calendar.addWorkingHours(from, 2).toInstant();
        assertThat(calendar.workingSecondsBetween(from, to)).isEqualTo(2 * 3600);
        assertThat(calendar.workingSecondsBetween(to, from)).isZero();
    }

    @Test
    void refusesLimitsOutOfRange() {
        assertThatThrownBy(() -> calendar.addWorkingDays(at("2024-01-02T10:00:00"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingHours(at("2024-01-02T10:00:00"), WorkingCalendar.MAX_WORKING_HOURS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
