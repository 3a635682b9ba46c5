package org.onegrid.assessment.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onegrid.assessment.AssessmentService;
import org.onegrid.assessment.AssessmentService.Period;
import org.onegrid.assessment.DashboardFigures;
import org.onegrid.assessment.Dimension;
import org.onegrid.assessment.FigureFolder;
import org.onegrid.assessment.Indicator;
import org.onegrid.assessment.Measure;
import org.onegrid.assessment.Scorecard;
import org.onegrid.cases.CaseStatistics;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Figures, rankings, the cases behind a figure, and the composite score's weights. */
@RestController
@PreAuthorize("hasAnyRole('DISPATCHER', 'UNIT_LEADER', 'DISTRICT_LEADER', 'ADMIN')")
class AssessmentController {

    record FiguresAnswer(String dimension, LocalDate from, LocalDate to, List<Scorecard> rows) {
    }

    record PlaceView(int rank, Integer previousRank, Integer rankChange, Double previousScore, Double scoreChange,
                     Scorecard figures) {
    }

    record RankingAnswer(String dimension, YearMonth month, List<PlaceView> places) {
    }

    record CaseLine(long id, String code, String title, String state, String ownerUnit, long amount) {
    }

    record DrillDownAnswer(String dimension, String key, String measure, LocalDate from, LocalDate to, long figure,
                           int caseCount, int page, int size, List<CaseLine> cases) {
    }

    private final AssessmentService assessment;
    private final FigureFolder folder;
    private final DashboardFigures dashboard;

    AssessmentController(AssessmentService assessment, FigureFolder folder, DashboardFigures dashboard) {
        this.dashboard = dashboard;
        this.assessment = assessment;
        this.folder = folder;
    }

    /** Figures per key of a dimension for a period: {@code month=2026-10}, or {@code from} and {@code to} (exclusive). */
    @GetMapping("/api/assessment/figures")
    FiguresAnswer figures(@RequestParam(defaultValue = "unit") String dimension,
                          @RequestParam(required = false) String month, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to) {
        Dimension d = dimension(dimension);
        Period period = period(month, from, to);
        return new FiguresAnswer(d.name().toLowerCase(Locale.ROOT), period.from(), period.to(),
                assessment.figures(d, period).stream().map(Scorecard::of).toList());
    }

    @GetMapping("/api/assessment/rankings")
    RankingAnswer ranking(@RequestParam(defaultValue = "unit") String dimension, @RequestParam String month) {
        Dimension d = dimension(dimension);
        YearMonth m = Period.month(month);
        return new RankingAnswer(d.name().toLowerCase(Locale.ROOT), m, assessment.ranking(d, m).stream()
                .map(p -> new PlaceView(p.rank(), p.previousRank(), p.rankChange(), p.previousScore(), p.scoreChange(),
                        Scorecard.of(p.row())))
                .toList());
    }

    /** The cases behind one figure: {@code measure} is a count's name (see the {@code counts} of a figures row). */
    @GetMapping("/api/assessment/cases")
    DrillDownAnswer drillDown(@RequestParam(defaultValue = "unit") String dimension,
                              @RequestParam(defaultValue = "") String key, @RequestParam String measure,
                              @RequestParam(required = false) String month, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size, StaffMember viewer) {
        Dimension d = dimension(dimension);
        Measure m = Measure.ofColumn(measure).orElseThrow(() -> ApiProblemException.invalid("measure", "must be one of "
                        + Arrays.stream(Measure.values()).map(Measure::column).toList()));
        Validation v = new Validation();
        v.range("page", page, 0, AssessmentService.DrillDown.MAX_PAGE);
        v.range("size", size, 1, AssessmentService.DrillDown.MAX_SIZE);
        v.throwIfInvalid();
        Period period = period(month, from, to);
        AssessmentService.DrillDown found = assessment.drillDown(d, key, m, period, page, size, viewer);
        return new DrillDownAnswer(d.name().toLowerCase(Locale.ROOT), key, m.column(), period.from(), period.to(),
                found.figure(), found.caseCount(), found.page(), found.size(), found.cases().stream()
                .map(s -> new CaseLine(s.details().id(), s.details().code(), s.details().title(),
                        s.details().state().name(), s.details().ownerUnit() == null ? null : s.details().ownerUnit().name(),
                        s.amount()))
                .toList());
    }

    record DashboardAnswer(DashboardFigures.Headline today, DashboardFigures.Headline month,
                           List<CaseStatistics.Overdue> overdue, DashboardFigures.Charts charts,
                           org.onegrid.platform.ReportingDatabase.Source readFrom) {
    }

    /** The leader dashboard's figures, as the page shows them. */
    @GetMapping("/api/assessment/dashboard")
    DashboardAnswer dashboard(StaffMember viewer) {
        DashboardFigures.Headlines headlines = dashboard.headlines();
        return new DashboardAnswer(headlines.today(), headlines.month(), dashboard.overdue(15, viewer), dashboard.charts(),
                dashboard.readFrom());
    }

    @GetMapping("/api/assessment/weights")
    Map<String, Double> weights() {
        return keyed(assessment.weights());
    }

    @PutMapping("/api/assessment/weights")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Double> setWeights(@RequestBody Map<String, Double> weights, StaffMember admin) {
        return keyed(assessment.setWeights(weights, admin));
    }

    /** Folds the transition feed now instead of within the next few seconds. */
    @PostMapping("/api/assessment/refresh")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Long> refresh() {
        return Map.of("folded", folder.foldAll());
    }

    private static Map<String, Double> keyed(Map<Indicator, Double> weights) {
        Map<String, Double> keyed = new java.util.LinkedHashMap<>();
        weights.forEach((i, w) -> keyed.put(i.key(), w));
        return keyed;
    }

    private static Dimension dimension(String value) {
        return Dimension.named(value).orElseThrow(() ->
                ApiProblemException.invalid("dimension", "must be one of " + Dimension.names()));
    }

    private static Period period(String month, String from, String to) {
        if (month != null) {
            return Period.of(Period.month(month));
        }
        if (from == null || to == null) {
            throw ApiProblemException.invalid(from == null ? "from" : "to",
                    "give month=yyyy-MM, or from and to as yyyy-MM-dd (to exclusive)");
        }
        return new Period(day("from", from), day("to", to));
    }

    private static LocalDate day(String field, String value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblemException.invalid(field, "must be a date as yyyy-MM-dd");
        }
        org.onegrid.errors.Validation.requireYear(field, day.getYear());
        return day;
    }
}
