package org.onegrid.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseSearch;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CaseState;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.ledger.ExportService;
import org.onegrid.ledger.TableWriter;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The case ledger (案件台账): any filtered case list, 50 cases a page on screen, and the whole of
 * it exported to Excel or CSV as a job whose progress the page follows.
 */
@Controller
class LedgerPages {

    private static final int SHOWN = 50;

    /** The filter form; every field optional. {@code page} counts from 0. */
    record LedgerFilter(CaseState state, Long unitId, String gridCode, String categoryCode, LocalDate from,
                        LocalDate to, Boolean overdue, String q, String format, Boolean personalData, String purpose,
                        Integer page) {

        CaseFilter toCaseFilter(ZoneId zone, int pageShown, int size) {
            return new CaseFilter(state, unitId, gridCode, categoryCode,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.atStartOfDay(zone).toInstant(), Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null,
                    pageShown, size, CaseSearch.parse(q == null || q.length() > CaseSearch.MAX_LENGTH ? null : q));
        }

        int pageAsked() {
            return page == null ? 0 : Math.max(0, Math.min(page, MAX_PAGE));
        }
    }

    /** Pages beyond this are refused by the case list; the export has every row anyway. */
    private static final int MAX_PAGE = 1_000_000;

    private final CaseViews cases;
    private final ExportService exports;
    private final DirectoryService directory;
    private final CalendarService calendars;

    LedgerPages(CaseViews cases, ExportService exports, DirectoryService directory, CalendarService calendars) {
        this.cases = cases;
        this.exports = exports;
        this.directory = directory;
        this.calendars = calendars;
    }

    @GetMapping("/ledger")
    String ledger(@ModelAttribute("filter") LedgerFilter filter, Model model, StaffMember me) {
        CaseViews.CaseList list = cases.list(filter.toCaseFilter(calendars.calendar().zone(), filter.pageAsked(), SHOWN), me);
        model.addAttribute("list", list);
        model.addAttribute("page", filter.pageAsked());
        model.addAttribute("pages", Math.max(1, (list.total() + SHOWN - 1) / SHOWN));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("units", directory.units());
        return "ledger";
    }

    @PostMapping("/ledger/export")
    String export(@ModelAttribute("filter") LedgerFilter filter, Model model, StaffMember me, Locale locale) {
        try {
            ExportService.Status status = exports.start(new ExportService.Request(TableWriter.Format.of(filter.format()),
                    filter.toCaseFilter(calendars.calendar().zone(), 0, 1), ExportService.MAX_ROWS,
                    Boolean.TRUE.equals(filter.personalData()), filter.purpose(), locale), me);
            return "redirect:/ledger/export/" + status.id();
        } catch (ApiProblemException refused) {
            FormErrors.show(model, refused);
            return ledger(filter, model, me);
        }
    }

    /** The export's progress page; the progress box refreshes itself every second until done. */
    @GetMapping("/ledger/export/{id}")
    String progress(@PathVariable String id, Model model, StaffMember me) {
        model.addAttribute("export", exports.status(id, me));
        return "export";
    }

    @GetMapping("/ledger/export/{id}/progress")
    String progressFragment(@PathVariable String id, Model model, StaffMember me) {
        model.addAttribute("export", exports.status(id, me));
        return "export :: progress";
    }

    @GetMapping("/ledger/export/{id}/file")
    ResponseEntity<FileSystemResource> file(@PathVariable String id, StaffMember me) throws IOException {
        ExportService.Status status = exports.status(id, me);
        Path file = exports.file(id, me).orElseThrow(() -> ApiProblemException.notFound("export file", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(status.format().mediaType()))
                .contentLength(Files.size(file))
                .header(HttpHeaders.CONTENT_DISPOSITION, status.format().attachment("ledger-" + id.substring(0, 8)))
                .body(new FileSystemResource(file));
    }
}
