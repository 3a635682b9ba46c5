package org.onegrid.ledger.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Locale;
import org.onegrid.assessment.AssessmentService;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseState;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.ledger.AssessmentReport;
import org.onegrid.ledger.ExportService;
import org.onegrid.ledger.TableWriter;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Case list exports (jobs with progress) and the monthly assessment report. */
@RestController
class ExportController {

    /**
     * An export request: the case list's filters, {@code format} xlsx (default) or csv, at most
     * {@code limit} rows (default and maximum {@link ExportService#MAX_ROWS}), and personal data
     * only with a {@code purpose}.
     */
    record ExportBody(String format, CaseState state, Long unitId, String gridCode, String categoryCode,
                      OffsetDateTime from, OffsetDateTime to, Boolean overdue, Long limit, Boolean personalData,
                      String purpose, String lang) {
    }

    private final ExportService exports;
    private final AssessmentReport report;

    ExportController(ExportService exports, AssessmentReport report) {
        this.exports = exports;
        this.report = report;
    }

    @PostMapping("/api/exports")
    ResponseEntity<ExportService.Status> start(@RequestBody(required = false) ExportBody body, StaffMember viewer) {
        ExportBody b = body == null ? new ExportBody(null, null, null, null, null, null, null, null, null, null, null, null) : body;
        CaseFilter filter = new CaseFilter(b.state(), b.unitId(), b.gridCode(), b.categoryCode(),
                b.from() == null ? null : b.from().toInstant(), b.to() == null ? null : b.to().toInstant(), b.overdue(),
                0, 1);
        ExportService.Status status = exports.start(new ExportService.Request(TableWriter.Format.of(b.format()), filter,
                b.limit() == null ? ExportService.MAX_ROWS : b.limit(), Boolean.TRUE.equals(b.personalData()),
                b.purpose(), locale(b.lang())), viewer);
        return ResponseEntity.accepted().location(URI.create("/api/exports/" + status.id())).body(status);
    }

    @GetMapping("/api/exports/{id}")
    ExportService.Status status(@PathVariable String id, StaffMember viewer) {
        return exports.status(id, viewer);
    }

    @GetMapping("/api/exports/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable String id, StaffMember viewer) throws IOException {
        ExportService.Status status = exports.status(id, viewer);
        Path file = exports.file(id, viewer).orElseThrow(() -> ApiProblemException.conflict("export-not-ready",
                "Export not ready", "the export is " + status.state() + "; ask again when it is DONE").with("state", status.state()));
        InputStream in = Files.newInputStream(file);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(status.format().mediaType()))
                .contentLength(Files.size(file))
                .header(HttpHeaders.CONTENT_DISPOSITION, status.format().attachment("cases-" + id.substring(0, 8)))
                .body(new InputStreamResource(in));
    }

    /** The monthly assessment report: units ranked, then streets, communities, grids, categories. */
    @GetMapping("/api/reports/assessment")
    @PreAuthorize("hasAnyRole('DISPATCHER', 'UNIT_LEADER', 'DISTRICT_LEADER', 'ADMIN')")
    ResponseEntity<StreamingResponseBody> assessmentReport(@RequestParam String month,
                                                           @RequestParam(defaultValue = "xlsx") String format,
                                                           @RequestParam(defaultValue = "zh") String lang) {
        YearMonth m = AssessmentService.Period.month(month);
        TableWriter.Format f = TableWriter.Format.of(format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, f.attachment("assessment-" + m))
                .body(out -> report.write(m, f, out, locale(lang)));
    }

    /** The spreadsheet's language: English when asked for, otherwise Chinese. */
    private static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
