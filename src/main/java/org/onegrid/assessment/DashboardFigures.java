package org.onegrid.assessment;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.CaseStatistics;
import org.onegrid.directory.StaffMember;
import org.springframework.stereotype.Service;

/**
 * The leader's big screen (领导驾驶舱): today and this month from the daily figures, the open
 * cases overdue right now and the automatic dispatch share from the cases, the month by category,
 * unit and grid, and the trend of the last days. Reads pre-aggregated figures only, except for
 * the overdue list and the automatic dispatch share, which read open or classifier-dispatched
 * cases through partial indexes.
 */
@Service
public class DashboardFigures {

    /** The headline tiles of one period. */
    public record Headline(long received, long resolved, Double onTimeRate, long openOverdue, Double satisfactionRate,
                           Double autoShare, Double autoAccuracy) {
    }

    /** A bar of a chart: received (for a unit: dispatched to it) and resolved. */
    public record Bar(String key, String name, long received, long resolved) {
    }

    /** What the charts draw: this month by category, unit and grid, and the last 30 days. */
    public record Charts(List<Bar> byCategory, List<Bar> byUnit, List<Bar> byGrid, List<Day> trend) {
    }

    /** One day of the trend. */
    public record Day(LocalDate day, long received, long resolved) {
    }

    private final AssessmentService assessment;
    private final CaseStatistics cases;
    private final CalendarService calendars;
    private final org.onegrid.platform.ReportingDatabase reporting;
    private final Clock clock;

    DashboardFigures(AssessmentService assessment, CaseStatistics cases, CalendarService calendars, org.onegrid.platform.ReportingDatabase reporting,
                     Clock clock) {
        this.assessment = assessment;
        this.cases = cases;
        this.calendars = calendars;
        this.reporting = reporting;
        this.clock = clock;
    }

    /** Where these figures were read: the primary, or the standby with its lag behind the primary. */
    public org.onegrid.platform.ReportingDatabase.Source readFrom() {
        return reporting.current();
    }

    public ZoneId zone() {
        return calendars.calendar().zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public AssessmentService.Period todayPeriod() {
        return new AssessmentService.Period(today(), today().plusDays(1));
    }

    public AssessmentService.Period monthPeriod() {
        return new AssessmentService.Period(today().withDayOfMonth(1), today().plusDays(1));
    }

    /** The whole district's figures of a period. */
    public Figures district(AssessmentService.Period period) {
        return assessment.district(period).figures();
    }

    /** Today's and this month's tiles. */
    public record Headlines(Headline today, Headline month) {
    }

    public Headlines headlines() {
        long openOverdue = cases.openOverdue();
        return new Headlines(headline(todayPeriod(), openOverdue), headline(monthPeriod(), openOverdue));
    }

    private Headline headline(AssessmentService.Period period, long openOverdue) {
        Figures f = assessment.district(period).figures();
        CaseStatistics.AutoDispatch auto = cases.automaticDispatch(period.from().atStartOfDay(zone()).toInstant(),
                period.to().atStartOfDay(zone()).toInstant());
        return new Headline(f.received(), f.resolved(), f.onTimeResolutionRate(), openOverdue,
                f.satisfactionRate(), f.received() == 0 ? null : Math.min(1.0, (double) auto.dispatched() / f.received()),
                auto.dispatched() == 0 ? null : (double) auto.kept() / auto.dispatched());
    }

    /** The rows' busiest keys; for units, what was dispatched to them. */
    private static List<Bar> bars(Dimension dimension, List<AssessmentService.Row> rows, int limit) {
        return rows.stream()
                .map(r -> new Bar(r.key(), r.name(), dimension == Dimension.UNIT ? r.figures().dispatched()
                        : r.figures().received(), r.figures().resolved()))
                .sorted(Comparator.comparingLong(Bar::received).reversed().thenComparing(Bar::key))
                .limit(limit)
                .toList();
    }

    /** Received and resolved per day over the last {@code days} days, today included. */
    public List<Day> trend(int days) {
        LocalDate first = today().minusDays(days - 1L);
        return reporting.reads().sql("""
                        SELECT CAST(s AS date) AS day, coalesce(f.received, 0) AS received, coalesce(f.resolved, 0) AS resolved
                        FROM generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 day') AS s
                        LEFT JOIN figure_day f ON f.dimension = :district AND f.key = '' AND f.day = CAST(s AS date)
                        ORDER BY 1""")
                .param("district", Dimension.DISTRICT.stored())
                .param("first", Date.valueOf(first)).param("last", Date.valueOf(today()))
                .query((rs, i) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("received"),
                        rs.getLong("resolved")))
                .list();
    }

    public Charts charts() {
        var month = assessment.figures(java.util.EnumSet.of(Dimension.CATEGORY, Dimension.UNIT, Dimension.GRID),
                monthPeriod());
        return new Charts(bars(Dimension.CATEGORY, month.get(Dimension.CATEGORY), 12),
                bars(Dimension.UNIT, month.get(Dimension.UNIT), 12),
                bars(Dimension.GRID, month.get(Dimension.GRID), 10_000), trend(30));
    }

    /** The open cases past their deadline that {@code viewer} may see, the longest overdue first. */
    public List<CaseStatistics.Overdue> overdue(int limit, StaffMember viewer) {
        return cases.overdue(limit, viewer);
    }
}
