package org.onegrid.pages;

import java.util.List;
import java.util.Locale;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.ledger.AssignmentSheets;
import org.onegrid.ledger.TableWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Assignment sheets (交办单) on screen: the sheets with their progress, a programme's ledger,
 * each sheet's items with their state, and the owning unit's own open items, which its handlers
 * and leaders cross off (销号) with what they did. Sheets are issued through the API.
 */
@Controller
class SheetPages {

    private final AssignmentSheets sheets;
    private final CalendarService calendars;

    SheetPages(AssignmentSheets sheets, CalendarService calendars) {
        this.sheets = sheets;
        this.calendars = calendars;
    }

    @GetMapping("/ledger/sheets")
    String list(@RequestParam(required = false) String programme, Model model, StaffMember me) {
        model.addAttribute("programme", programme);
        model.addAttribute("sheets", sheets.list(programme));
        model.addAttribute("zone", calendars.calendar().zone());
        model.addAttribute("mine", me.unitId() == null ? List.of() : sheets.openItemsOf(me.unitId()));
        return "sheets";
    }

    @GetMapping("/ledger/sheets/{id}")
    String sheet(@PathVariable long id, Model model, StaffMember me) {
        model.addAttribute("sheet", sheets.get(id));
        model.addAttribute("canCrossOff", me.unitId() != null
                && (me.role() == Role.UNIT_HANDLER || me.role() == Role.UNIT_LEADER));
        return "sheet";
    }

    @PostMapping("/ledger/sheets/{id}/items/{seq}/cross-off")
    String crossOff(@PathVariable long id, @PathVariable int seq, @RequestParam(required = false) String result,
                    Model model, StaffMember me) {
        try {
            sheets.crossOff(id, seq, result, me);
        } catch (ApiProblemException refused) {
            FormErrors.show(model, refused);
            return sheet(id, model, me);
        }
        return "redirect:/ledger/sheets/" + id + "#item-" + seq;
    }

    @GetMapping("/ledger/sheets/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id, @RequestParam(required = false) String format,
                                                 Locale locale) {
        sheets.get(id); // an unknown sheet is refused before the download starts
        TableWriter.Format f = TableWriter.Format.of(format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, f.attachment("assignment-sheet-" + id))
                .body(out -> sheets.export(id, f, out, locale));
    }
}
