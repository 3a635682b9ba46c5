package org.onegrid.pages;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import org.onegrid.assessment.AssessmentService;
import org.onegrid.assessment.DashboardFigures;
import org.onegrid.assessment.Dimension;
import org.onegrid.assessment.Measure;
import org.onegrid.assessment.Scorecard;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.eveningtalks.EveningTalks;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridService;
import org.onegrid.ledger.AssessmentReport;
import org.onegrid.ledger.TableWriter;
import org.onegrid.petitions.Petitions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The assessment (考核) pages: a month's ranking of units, streets, communities, grids or
 * categories with last month's place, the month's evening-talk figures per town and petitions
 * resolved per grade; each count opens the cases behind it; the monthly report
 * as a spreadsheet.
 */
@Controller
class AssessmentPages {

    private final AssessmentService assessment;
    private final AssessmentReport report;
    private final DashboardFigures dashboard;
    private final EveningTalks talks;
    private final GridService grids;
    private final CalendarService calendars;
    private final Petitions petitions;

    AssessmentPages(AssessmentService assessment, AssessmentReport report, DashboardFigures dashboard, EveningTalks talks,
                    GridService grids, CalendarService calendars, Petitions petitions) {
        this.petitions = petitions;
        this.assessment = assessment;
        this.report = report;
        this.dashboard = dashboard;
        this.talks = talks;
        this.grids = grids;
        this.calendars = calendars;
    }

    @GetMapping("/assessment")
    String ranking(@RequestParam(required = false) String month, @RequestParam(defaultValue = "UNIT") String dimension,
                   Model model) {
        YearMonth m = month(month);
        Dimension d = dimension(dimension);
        model.addAttribute("month", m);
        model.addAttribute("dimension", d);
        model.addAttribute("dimensions", Dimension.RANKED);
        model.addAttribute("places", assessment.ranking(d, m));
        model.addAttribute("columns", Scorecard.COLUMNS);
        model.addAttribute("weights", assessment.weights());
        ZoneId zone = calendars.calendar().zone();
        grids.list(GridLevel.DISTRICT, null).stream().findFirst().ifPresent(district -> model.addAttribute("talkFigures",
                talks.figuresBelow(district.code().value(), m.atDay(1).atStartOfDay(zone).toInstant(),
                        m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())));
        model.addAttribute("petitionFigures", petitions.figures("GRADE", m.atDay(1).atStartOfDay(zone).toInstant(),
                m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        return "assessment";
    }

    /** The cases behind one count of one key in one month, a page at a time. */
    @GetMapping("/assessment/cases")
    String cases(@RequestParam String month, @RequestParam String dimension, @RequestParam(defaultValue = "") String key,
                 @RequestParam String measure, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "100") int size, Model model, StaffMember me) {
        YearMonth m = month(month);
        Dimension d = dimension(dimension);
        Measure measured = Measure.ofColumn(measure).orElse(Measure.RECEIVED);
        int shown = Math.max(1, Math.min(AssessmentService.DrillDown.MAX_SIZE, size));
        AssessmentService.DrillDown drill = assessment.drillDown(d, key, measured, AssessmentService.Period.of(m),
                Math.max(0, Math.min(AssessmentService.DrillDown.MAX_PAGE, page)), shown, me);
        model.addAttribute("month", m);
        model.addAttribute("dimension", d);
        model.addAttribute("key", key);
        model.addAttribute("name", assessment.nameOf(d, key));
        model.addAttribute("measure", measured);
        model.addAttribute("drill", drill);
        model.addAttribute("pages", Math.max(1, (drill.caseCount() + shown - 1) / shown));
        return "assessment-cases";
    }

    @GetMapping("/assessment/report")
    ResponseEntity<StreamingResponseBody> report(@RequestParam(required = false) String month, Locale locale) {
        YearMonth m = month(month);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TableWriter.Format.XLSX.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, TableWriter.Format.XLSX.attachment("assessment-" + m))
                .body(out -> report.write(m, TableWriter.Format.XLSX, out, locale));
    }

    /** The month asked for; by default (or unreadable) the last complete month in the calendar's zone. */
    private YearMonth month(String value) {
        if (value != null && !value.isBlank()) {
            try {
                return AssessmentService.Period.month(value);
            } catch (ApiProblemException unreadable) {
                // the default below
            }
        }
        return YearMonth.from(dashboard.today()).minusMonths(1);
    }

    private static Dimension dimension(String value) {
        return Dimension.named(value).orElse(Dimension.UNIT);
    }
}
