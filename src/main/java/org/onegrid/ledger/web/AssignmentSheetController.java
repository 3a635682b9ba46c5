package org.onegrid.ledger.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.onegrid.directory.StaffMember;
import org.onegrid.ledger.AssignmentSheets;
import org.onegrid.ledger.TableWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Assignment sheets (交办单): issue, list, read, cross items off (销号), export. */
@RestController
class AssignmentSheetController {

    record CrossOffBody(String result) {
    }

    private final AssignmentSheets sheets;

    AssignmentSheetController(AssignmentSheets sheets) {
        this.sheets = sheets;
    }

    @PostMapping("/api/assignment-sheets")
    ResponseEntity<AssignmentSheets.Sheet> issue(@RequestBody(required = false) AssignmentSheets.NewSheet body,
                                                 @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                                 StaffMember issuer) {
        AssignmentSheets.Sheet sheet = sheets.issue(body, key, issuer);
        return ResponseEntity.created(URI.create("/api/assignment-sheets/" + sheet.id())).body(sheet);
    }

    @GetMapping("/api/assignment-sheets")
    List<AssignmentSheets.Sheet> list(@RequestParam(required = false) String programme) {
        return sheets.list(programme);
    }

    @GetMapping("/api/assignment-sheets/{id}")
    AssignmentSheets.Sheet get(@PathVariable long id) {
        return sheets.get(id);
    }

    /** The open items of the caller's unit, the earliest due first. */
    @GetMapping("/api/assignment-sheets/my-items")
    List<AssignmentSheets.Item> mine(StaffMember viewer) {
        return viewer.unitId() == null ? List.of() : sheets.openItemsOf(viewer.unitId());
    }

    @PostMapping("/api/assignment-sheets/{id}/items/{seq}/cross-off")
    AssignmentSheets.Sheet crossOff(@PathVariable long id, @PathVariable int seq,
                                    @RequestBody(required = false) CrossOffBody body, StaffMember actor) {
        return sheets.crossOff(id, seq, body == null ? null : body.result(), actor);
    }

    /** The sheet as a spreadsheet: one row per item with its owner, due date, state and result. */
    @GetMapping("/api/assignment-sheets/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id, @RequestParam(required = false) String format,
                                                 Locale locale) {
        sheets.get(id); // an unknown sheet is a 404 before the download starts
        TableWriter.Format f = TableWriter.Format.of(format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, f.attachment("assignment-sheet-" + id))
                .body(out -> sheets.export(id, f, out, locale));
    }
}
