package org.onegrid.assessment;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.onegrid.audit.AuditLog;
import org.onegrid.calendar.CalendarService;
import org.onegrid.calendar.WorkingCalendar;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.TransitionFeed;
import org.onegrid.cases.TransitionFeed.MissedStep;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The assessment's facade: figures per unit, grid, community, street, category or the district
 * for any period of days, monthly rankings with the change from the month before, the composite
 * score's weights, and the cases behind any figure. Figures are read from {@code figure_day}
 * (kept by {@link FigureFolder}) plus the deadlines that open cases are missing right now.
 */
@Service
public class AssessmentService {

    /** A period of whole days in the calendar's zone: from (inclusive) to (exclusive). */
    public record Period(LocalDate from, LocalDate to) {
        public Period {
            if (!from.isBefore(to)) {
                throw ApiProblemException.invalid("to", "must be after from");
            }
            if (from.plusYears(5).isBefore(to)) {
                throw ApiProblemException.invalid("to", "a period may span at most five years");
            }
        }

        public static Period of(YearMonth month) {
            return new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        }

        /** A month as the API takes it ({@code 2026-10}); anything else is refused as the field {@code month}. */
        public static YearMonth month(String value) {
            YearMonth month;
            try {
                month = YearMonth.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiProblemException.invalid("month", "must be a month as yyyy-MM, e.g. 2026-10");
            }
            org.onegrid.errors.Validation.requireYear("month", month.getYear());
            return month;
        }
    }

    /** The figures of one unit, grid, category or the district, with a display name. */
    public record Row(String key, String name, Figures figures, Double score) {
    }

    /** One place in a ranking, with last month's place and score. */
    public record Place(int rank, Row row, Integer previousRank, Double previousScore) {
        /** Places gained since last month (positive: up). */
        public Integer rankChange() {
            return previousRank == null ? null : previousRank - rank;
        }

        public Double scoreChange() {
            return previousScore == null || row.score() == null ? null
                    : Math.round((row.score() - previousScore) * 100) / 100.0;
        }
    }

    /** A case behind a figure and how much it adds to it (usually 1; seconds for handling time). */
    public record CaseShare(CaseDetails details, long amount) {
    }

    /**
     * The cases behind a figure: the figure, how many cases make it up, and one page of them
     * (those of the page outside the viewer's data scope are left out).
     */
    public record DrillDown(long figure, int caseCount, int page, int size, List<CaseShare> cases) {
        /** The most cases a page holds. */
        public static final int MAX_SIZE = 500;
        /** The last page that may be asked for. */
        public static final int MAX_PAGE = 100_000;
    }

    private final JdbcClient jdbc;
    private final TransitionFeed feed;
    private final CalendarService calendars;
    private final DirectoryService directory;
    private final GridService grids;
    private final CatalogService catalog;
    private final CaseViews cases;
    private final AuditLog audit;
    private final Clock clock;
    private final FigureFolder folder;
    /** The figures, rankings and drill-downs read the standby when one serves. */
    private final org.onegrid.platform.ReportingDatabase reporting;

    AssessmentService(JdbcClient jdbc, TransitionFeed feed, CalendarService calendars, DirectoryService directory,
                      GridService grids, CatalogService catalog, CaseViews cases, AuditLog audit, Clock clock, FigureFolder folder,
                      org.onegrid.platform.ReportingDatabase reporting) {
        this.folder = folder;
        this.reporting = reporting;
        this.jdbc = jdbc;
        this.feed = feed;
        this.calendars = calendars;
        this.directory = directory;
        this.grids = grids;
        this.catalog = catalog;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- figures ------------------------------------------------------------------------------

    /**
     * The figures of every key of the dimension that has any in the period, by key; transitions
     * not yet folded are folded first, so the figures are exact at this moment.
     */
    public List<Row> figures(Dimension dimension, Period period) {
        return figures(java.util.EnumSet.of(dimension), period).get(dimension);
    }

    /** {@link #figures(Dimension, Period)} for several dimensions at once (one fold, one look at the open cases). */
    public Map<Dimension, List<Row>> figures(java.util.Set<Dimension> dimensions, Period period) {
        foldUnlessOnStandby(); // what has changed since the last fold counts too
        // Deadlines in the period that open cases are missing now: no transition records them yet.
        List<TransitionFeed.MissedCount> missed = feed.missedOpenCounts(start(period.from()), missedUntil(period));
        Map<Indicator, Double> weights = weights();
        Map<Dimension, List<Row>> all = new EnumMap<>(Dimension.class);
        for (Dimension dimension : dimensions) {
            all.put(dimension, rows(dimension, period, missed, weights));
        }
        return all;
    }

    private List<Row> rows(Dimension dimension, Period period, List<TransitionFeed.MissedCount> missed,
                          Map<Indicator, Double> weights) {
        Map<String, Figures> byKey = new LinkedHashMap<>();
        String sums = String.join(", ", java.util.Arrays.stream(Measure.values())
                .map(m -> "sum(" + m.column() + ") AS " + m.column()).toList());
        reporting.reads().sql("SELECT " + dimension.keyExpression() + " AS k, " + sums + """
                         FROM figure_day WHERE dimension = :d AND day >= :from AND day < :to
                        GROUP BY 1 ORDER BY 1""")
                .param("d", dimension.stored()).param("from", Date.valueOf(period.from()))
                .param("to", Date.valueOf(period.to()))
                .query(rs -> {
                    Figures f = byKey.computeIfAbsent(rs.getString("k"), k -> Figures.empty());
                    for (Measure m : Measure.values()) {
                        f.add(m, rs.getLong(m.column()));
                    }
                });
        TransitionFeed.MissedCount.By by = switch (dimension) {
            case DISTRICT -> TransitionFeed.MissedCount.By.ALL;
            case UNIT -> TransitionFeed.MissedCount.By.UNIT;
            case GRID, COMMUNITY, STREET -> TransitionFeed.MissedCount.By.GRID;
            case CATEGORY -> TransitionFeed.MissedCount.By.CATEGORY;
        };
        for (TransitionFeed.MissedCount count : missed) {
            if (count.by() != by || (count.key() == null && by != TransitionFeed.MissedCount.By.ALL
                    && by != TransitionFeed.MissedCount.By.CATEGORY)) {
                continue;
            }
            String key = switch (by) {
                case ALL -> "";
                case CATEGORY -> count.key() == null ? "" : count.key();
                case GRID -> dimension.keyOfGrid(count.key());
                case UNIT -> count.key();
            };
            byKey.computeIfAbsent(key, k -> Figures.empty()).add(FigureRules.missed(count), count.count());
        }
        return byKey.entrySet().stream()
                .map(e -> new Row(e.getKey(), nameOf(dimension, e.getKey()), e.getValue(), e.getValue().score(weights)))
                .toList();
    }

    /** The district's figures for the period. */
    public Row district(Period period) {
        return figures(Dimension.DISTRICT, period).stream().findFirst()
                .orElse(new Row("", nameOf(Dimension.DISTRICT, ""), Figures.empty(), null));
    }

    /** The month's ranking by composite score (no score: last), with last month's places. */
    public List<Place> ranking(Dimension dimension, YearMonth month) {
        List<Row> now = ranked(figures(dimension, Period.of(month)));
        List<Row> before = ranked(figures(dimension, Period.of(month.minusMonths(1))));
        Map<String, Integer> previousRank = new HashMap<>();
        Map<String, Double> previousScore = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            previousRank.put(before.get(i).key(), i + 1);
            previousScore.put(before.get(i).key(), before.get(i).score());
        }
        List<Place> places = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            Row row = now.get(i);
            places.add(new Place(i + 1, row, previousRank.get(row.key()), previousScore.get(row.key())));
        }
        return places;
    }

    private static List<Row> ranked(List<Row> rows) {
        return rows.stream()
                .filter(r -> !r.key().isEmpty())
                .sorted(Comparator.comparing(Row::score, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Row::key))
                .toList();
    }

    /**
     * The cases behind {@code measure} of {@code key} in the period: each case's share of the
     * figure as the fold kept it ({@code figure_fact}, written with the same {@link FigureRules}
     * as the figures, so the two cannot disagree), plus the open cases missing a deadline of the
     * period, in case order.
     */
    public DrillDown drillDown(Dimension dimension, String key, Measure measure, Period period, int page, int size,
                               StaffMember viewer) {
        foldUnlessOnStandby(); // what has changed since the last fold counts too, as in the figures
        // Deadlines of the period that open cases are missing now: no transition records them yet.
        List<Fact> missed = missedDeadlines(period).stream()
                .filter(f -> f.measure() == measure && !f.day().isBefore(period.from()) && f.day().isBefore(period.to())
                        && f.countsFor(dimension, key))
                .toList();
        Map<String, Object> params = Map.of(
                "key", dimension == Dimension.UNIT ? parseUnit(key) : key,
                "measure", measure.code(),
                "from", Date.valueOf(period.from()),
                "to", Date.valueOf(period.to()),
                "missedIds", missed.stream().map(f -> String.valueOf(f.caseId())).collect(Collectors.joining(",", "{", "}")),
                "missedAmounts", missed.stream().map(f -> String.valueOf(f.amount())).collect(Collectors.joining(",", "{", "}")));
        String shares = """
                WITH f AS (SELECT case_id, amount FROM figure_fact
                            WHERE measure = :measure AND day >= :from AND day < :to""" + Fact.countsForSql(dimension) + """

                           UNION ALL SELECT * FROM unnest(CAST(:missedIds AS bigint[]), CAST(:missedAmounts AS bigint[]))),
                     s AS (SELECT case_id, sum(amount)::bigint AS amount FROM f GROUP BY case_id HAVING sum(amount) <> 0)
                """;
        record Share(long caseId, long amount, int cases, long figure) {
        }
        JdbcClient reads = reporting.reads();
        List<Share> found = reads.sql(shares + """
                        SELECT case_id, amount, count(*) OVER () AS cases, sum(amount) OVER ()::bigint AS figure
                          FROM s ORDER BY case_id LIMIT :size OFFSET :offset""")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new Share(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4))).list();
        if (found.isEmpty()) { // no case on this page: the totals are counted on their own
            Share totals = reads.sql(shares + "SELECT count(*), coalesce(sum(amount), 0)::bigint FROM s").params(params)
                    .query((rs, i) -> new Share(0, 0, rs.getInt(1), rs.getLong(2))).single();
            return new DrillDown(totals.figure(), totals.cases(), page, size, List.of());
        }
        Map<Long, Long> amounts = found.stream().collect(Collectors.toMap(Share::caseId, Share::amount));
        List<CaseShare> onPage = cases.summaries(found.stream().map(Share::caseId).toList(), viewer).stream()
                .sorted(Comparator.comparingLong(CaseDetails::id)) // the page's order, whatever the look-up's
                .map(c -> new CaseShare(c, amounts.get(c.id()))).toList();
        return new DrillDown(found.get(0).figure(), found.get(0).cases(), page, size, onPage);
    }

    /**
     * On the primary the reports fold what changed since the last fold first, so they are exact
     * at this moment; on the standby they cannot write, and show the last fold (every 2 s) as the
     * standby has it: at most the standby's allowed lag later.
     */
    private void foldUnlessOnStandby() {
        if (!reporting.readsStandby()) {
            folder.foldPending();
        }
    }

    private List<Fact> missedDeadlines(Period period) {
        WorkingCalendar calendar = calendars.calendar();
        List<Fact> facts = new ArrayList<>();
        for (MissedStep step : feed.missedOpen(start(period.from()), missedUntil(period))) {
            facts.add(FigureRules.missed(step, calendar));
        }
        return facts;
    }

    /** Deadlines of the period can be missed only up to now. */
    private Instant missedUntil(Period period) {
        Instant end = start(period.to());
        Instant now = clock.instant();
        return end.isBefore(now) ? end : now;
    }

    private Long parseUnit(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiProblemException.invalid("key", "a unit's key is its id, a number");
        }
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(calendars.calendar().zone()).toInstant();
    }

    /** The name a key is shown with. */
    public String nameOf(Dimension dimension, String key) {
        return switch (dimension) {
            case DISTRICT -> grids.list(org.onegrid.grid.GridLevel.DISTRICT, null).stream().findFirst()
                    .map(GridNode::name).orElse("全区");
            case UNIT -> {
                try {
                    yield directory.unit(Long.parseLong(key)).map(Unit::name).orElse(key);
                } catch (NumberFormatException e) {
                    yield key;
                }
            }
            case CATEGORY -> key.isEmpty() ? "未分类" : catalog.category(key).map(Category::name).orElse(key);
            case GRID, COMMUNITY, STREET -> grids.node(key).map(GridNode::name).orElse(key);
        };
    }

    // ---- weights ------------------------------------------------------------------------------

    /** The composite score's weights, as the administrator set them. */
    public Map<Indicator, Double> weights() {
        Map<Indicator, Double> weights = new EnumMap<>(Indicator.class);
        jdbc.sql("SELECT indicator, weight FROM assessment_weight").query(rs -> {
            double weight = rs.getDouble(2);
            Indicator.byKey(rs.getString(1)).ifPresent(i -> weights.put(i, weight));
        });
        return weights;
    }

    /** Sets the weights (each 0-1000; at least one above 0); unknown indicators are refused. */
    public Map<Indicator, Double> setWeights(Map<String, Double> given, StaffMember admin) {
        org.onegrid.errors.Validation v = new org.onegrid.errors.Validation();
        Map<Indicator, Double> weights = new EnumMap<>(Indicator.class);
        if (given == null || given.isEmpty()) {
            v.reject("weights", "give a weight for at least one of " + java.util.Arrays.stream(Indicator.values())
                    .map(Indicator::key).toList());
        } else {
            given.forEach((name, weight) -> {
                var indicator = Indicator.byKey(name);
                if (indicator.isEmpty()) {
                    v.reject(name, "is not an indicator; use " + java.util.Arrays.stream(Indicator.values())
                            .map(Indicator::key).toList());
                } else if (weight == null || weight < 0 || weight > 1000 || weight.isNaN()) {
                    v.reject(name, "must be a number from 0 to 1000");
                } else {
                    weights.put(indicator.get(), weight);
                }
            });
            if (v.ok() && weights.values().stream().allMatch(w -> w == 0)) {
                v.reject("weights", "at least one weight must be above 0");
            }
        }
        v.throwIfInvalid();
        weights.forEach((indicator, weight) -> jdbc.sql("""
                        INSERT INTO assessment_weight (indicator, weight) VALUES (?, ?)
                        ON CONFLICT (indicator) DO UPDATE SET weight = EXCLUDED.weight""")
                .params(indicator.key(), weight).update());
        audit.record(admin.username(), "assessment.weights", "assessment_weight", weights.toString());
        return weights();
    }
}
