package org.onegrid.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.onegrid.calendar.CalendarService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The leader's figures (领导驾驶舱) for today and this month, counted straight from the cases
 * table: received, resolved, resolved on time, open and overdue, satisfaction, the automatic
 * dispatch share, with breakdowns by category, unit, grid and day.
 * <ul>
 *   <li>overdue: open and past the deadline of the current step, as the case list's
 *       {@code overdue=true} filter counts it;</li>
 *   <li>resolved on time: resolved in the period no later than the handling deadline in force;</li>
 *   <li>satisfaction: ratings of 4-5 stars among the ratings given in the period;</li>
 *   <li>automatic dispatch accuracy: automatically categorised cases of the period that were
 *       neither re-categorised nor returned.</li>
 * </ul>
 */
@Service
public class CaseStatistics {

    /** {@link CaseRepository#OVERDUE}, with the moment as the named parameter {@code :now}. */
    private static final String OVERDUE = CaseRepository.OVERDUE.replace("?", ":now");

    /** The headline figures of one period. */
    public record Headline(long received, long resolved, long resolvedOnTime, long openOverdue, long ratings,
                           long satisfied, long autoDispatched, long autoDispatchedKept) {

        public Double onTimeRate() {
            return rate(resolvedOnTime, resolved);
        }

        public Double satisfactionRate() {
            return rate(satisfied, ratings);
        }

        public Double autoShare() {
            return rate(autoDispatched, received);
        }

        public Double autoAccuracy() {
            return rate(autoDispatchedKept, autoDispatched);
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }

    /** A count under a key (a category, unit or grid code) with a display name. */
    public record Count(String key, String name, long received, long resolved, long overdue) {
    }

    /** One day of the trend. */
    public record Day(LocalDate day, long received, long resolved) {
    }

    /** An overdue open case. */
    public record Overdue(long id, String code, String title, String unitName, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CalendarService calendars;

    CaseStatistics(JdbcClient jdbc, Clock clock, CalendarService calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendars = calendars;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return calendars.calendar().zone();
    }

    /** Midnight today in the calendar's zone. */
    public Instant startOfToday() {
        return LocalDate.now(clock.withZone(zone())).atStartOfDay(zone()).toInstant();
    }

    /** Midnight on the first of this month. */
    public Instant startOfMonth() {
        return LocalDate.now(clock.withZone(zone())).withDayOfMonth(1).atStartOfDay(zone()).toInstant();
    }

    public Headline headline(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        SELECT
                          (SELECT count(*) FROM cases WHERE received_at >= :f AND received_at < :t AND merged_into IS NULL) AS received,
                          (SELECT count(*) FROM cases WHERE resolved_at >= :f AND resolved_at < :t) AS resolved,
                          (SELECT count(*) FROM cases WHERE resolved_at >= :f AND resolved_at < :t
                                AND (handling_due_at IS NULL OR resolved_at <= handling_due_at)) AS on_time,
                          (SELECT count(*) FROM cases WHERE %1$s) AS overdue,
                          (SELECT count(*) FROM case_event e JOIN cases c ON c.id = e.case_id
                                WHERE e.action = 'RATE' AND e.at >= :f AND e.at < :t) AS ratings,
                          (SELECT count(*) FROM case_event e JOIN cases c ON c.id = e.case_id
                                WHERE e.action = 'RATE' AND e.at >= :f AND e.at < :t AND c.stars >= 4) AS satisfied,
                          (SELECT count(*) FROM cases WHERE received_at >= :f AND received_at < :t
                                AND classifier_version IS NOT NULL) AS auto,
                          (SELECT count(*) FROM cases c WHERE received_at >= :f AND received_at < :t
                                AND classifier_version IS NOT NULL AND return_count = 0
                                AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id
                                                AND e.action = 'CATEGORISE')) AS auto_kept""".formatted(OVERDUE))
                .param("f", f).param("t", t).param("now", now)
                .query((rs, i) -> new Headline(rs.getLong("received"), rs.getLong("resolved"), rs.getLong("on_time"),
                        rs.getLong("overdue"), rs.getLong("ratings"), rs.getLong("satisfied"), rs.getLong("auto"),
                        rs.getLong("auto_kept")))
                .single();
    }

    /** Cases received in the period per leaf category, most first. */
    public List<Count> byCategory(Instant from, Instant to, int limit) {
        return grouped("category_code", "merged_into IS NULL", from, to, limit);
    }

    /** Cases received in the period per owning unit, most first. */
    public List<Count> byUnit(Instant from, Instant to, int limit) {
        return grouped("owner_unit_id::text", "owner_unit_id IS NOT NULL", from, to, limit);
    }

    private List<Count> grouped(String key, String condition, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + key + """
                         AS key, count(*) AS received, count(resolved_at) AS resolved,
                               count(*) FILTER (WHERE %1$s) AS overdue
                        FROM cases WHERE received_at >= :f AND received_at < :t""".formatted(OVERDUE) + " AND " + condition
                        + " GROUP BY 1 ORDER BY received DESC, key LIMIT :limit")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
                .param("now", Timestamp.from(clock.instant())).param("limit", limit)
                .query((rs, i) -> new Count(rs.getString("key"), null, rs.getLong("received"), rs.getLong("resolved"),
                        rs.getLong("overdue")))
                .list();
    }

    /** Cases received in the period per base grid. */
    public List<Count> byGrid(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT grid_code AS key, count(*) AS received, count(resolved_at) AS resolved, 0 AS overdue
                        FROM cases WHERE received_at >= :f AND received_at < :t AND grid_code IS NOT NULL
                        GROUP BY grid_code""")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
                .query((rs, i) -> new Count(rs.getString("key"), null, rs.getLong("received"), rs.getLong("resolved"), 0))
                .list();
    }

    /** Received and resolved per day over the last {@code days} days, today included. */
    public List<Day> trend(int days) {
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate first = today.minusDays(days - 1L);
        return jdbc.sql("""
                        SELECT CAST(s AS date) AS day,
                          (SELECT count(*) FROM cases WHERE received_at >= (s AT TIME ZONE :zone)
                                AND received_at < ((s + interval '1 day') AT TIME ZONE :zone) AND merged_into IS NULL) AS received,
                          (SELECT count(*) FROM cases WHERE resolved_at >= (s AT TIME ZONE :zone)
                                AND resolved_at < ((s + interval '1 day') AT TIME ZONE :zone)) AS resolved
                        FROM generate_series(CAST(:first AS timestamp), CAST(:last AS timestamp), interval '1 day') AS s
                        ORDER BY day""")
                .param("first", first).param("last", today).param("zone", zone().getId())
                .query((rs, i) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("received"),
                        rs.getLong("resolved")))
                .list();
    }

    /** Open cases past their deadline, the longest overdue first. */
    public List<Overdue> overdue(int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.code, c.title, u.name AS unit_name, c.due_at
                        FROM cases c LEFT JOIN unit u ON u.id = c.owner_unit_id
                        WHERE %1$s
                        ORDER BY c.due_at LIMIT :limit""".formatted(OVERDUE))
                .param("now", Timestamp.from(clock.instant())).param("limit", limit)
                .query((rs, i) -> new Overdue(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("unit_name"), rs.getTimestamp("due_at").toInstant()))
                .list();
    }
}
