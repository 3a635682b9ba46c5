package org.onegrid.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.DirectoryService;
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
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Assignment sheets (交办单) on screen: the sheets with their progress, a programme's ledger,
 * each sheet's items with their state, and the owning unit's own open items, which its handlers
 * and leaders cross off (销号) with what they did. Dispatchers, district leaders and
 * administrators issue sheets from the list page (the same rules as the API).
 */
@Controller
class SheetPages {

    /** Item rows an empty issue form offers; a script adds more. */
    static final int BLANK_ROWS = 3;

    /** A reason's field that names an item: {@code items[n].field}. */
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)](.*)");

    private final AssignmentSheets sheets;
    private final CalendarService calendars;
    private final DirectoryService directory;

    SheetPages(AssignmentSheets sheets, CalendarService calendars, DirectoryService directory) {
        this.sheets = sheets;
        this.calendars = calendars;
        this.directory = directory;
    }

    /** What the issue form holds, typed values kept as text so a refused form comes back as typed. */
    record IssueForm(String title, String programme, String key, List<Row> rows) {

        record Row(String content, String ownerUnitId, String dueDate) {
            boolean blank() {
                return !StringUtils.hasText(content) && !StringUtils.hasText(ownerUnitId) && !StringUtils.hasText(dueDate);
            }
        }

        static IssueForm empty() {
            return new IssueForm("", "", UUID.randomUUID().toString(),
                    Collections.nCopies(BLANK_ROWS, new Row("", "", "")));
        }
    }

    @GetMapping("/ledger/sheets")
    String list(@RequestParam(required = false) String programme, Model model, StaffMember me) {
        model.addAttribute("programme", programme);
        model.addAttribute("sheets", sheets.list(programme));
        model.addAttribute("zone", calendars.calendar().zone());
        model.addAttribute("mine", me.unitId() == null ? List.of() : sheets.openItemsOf(me.unitId()));
        boolean canIssue = AssignmentSheets.ISSUERS.contains(me.role());
        model.addAttribute("canIssue", canIssue);
        if (canIssue) {
            model.addAttribute("units", directory.units());
            if (!model.containsAttribute("issue")) {
                model.addAttribute("issue", IssueForm.empty());
            }
        }
        return "sheets";
    }

    /**
     * Issues a sheet from the form: rows left empty are skipped; the form's key makes a second
     * press of the button answer with the first sheet. A refusal shows each reason beside its row.
     */
    @PostMapping("/ledger/sheets")
    String issue(@RequestParam MultiValueMap<String, String> typed, Model model, StaffMember me) {
        // Read as sent: a lone value bound to a list would be split at its commas.
        String title = typed.getFirst("title");
        String programme = typed.getFirst("programme");
        String key = typed.getFirst("key");
        List<String> contents = typed.get("content");
        List<String> owners = typed.get("ownerUnitId");
        List<String> dueDates = typed.get("dueDate");
        List<IssueForm.Row> rows = new ArrayList<>();
        int count = Math.max(size(contents), Math.max(size(owners), size(dueDates)));
        for (int i = 0; i < count; i++) {
            rows.add(new IssueForm.Row(at(contents, i), at(owners, i), at(dueDates, i)));
        }
        IssueForm form = new IssueForm(title, programme, StringUtils.hasText(key) ? key : UUID.randomUUID().toString(), rows);
        Map<String, String> errors = new LinkedHashMap<>();
        List<AssignmentSheets.NewItem> items = new ArrayList<>();
        List<Integer> rowOfItem = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            IssueForm.Row row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String item = "items[" + items.size() + "]";
            Long owner = FormErrors.parsed(item + ".ownerUnitId", row.ownerUnitId(), Long::valueOf, "must be a unit", errors);
            LocalDate due = FormErrors.parsed(item + ".dueDate", row.dueDate(), LocalDate::parse, "must be a date", errors);
            items.add(new AssignmentSheets.NewItem(row.content(), owner, due, null));
            rowOfItem.add(i);
        }
        if (errors.isEmpty()) {
            try {
                AssignmentSheets.Sheet issued = sheets.issue(
                        new AssignmentSheets.NewSheet(title, programme, items), form.key(), me);
                return "redirect:/ledger/sheets/" + issued.id();
            } catch (ApiProblemException refused) {
                FormErrors.collect(refused, errors);
            }
        }
        model.addAttribute("errors", rowFields(errors, rowOfItem));
        model.addAttribute("issue", form);
        return list(null, model, me);
    }

    /** Reasons name the n-th item (the rows that are not empty); the form shows each beside that item's row. */
    private static Map<String, String> rowFields(Map<String, String> errors, List<Integer> rowOfItem) {
        Map<String, String> byRow = new LinkedHashMap<>();
        errors.forEach((field, reason) -> {
            Matcher m = ITEM_FIELD.matcher(field);
            String shown = field;
            if (m.matches() && Integer.parseInt(m.group(1)) < rowOfItem.size()) {
                shown = "items[" + rowOfItem.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
            }
            byRow.merge(shown, reason, (a, b) -> a + "; " + b);
        });
        return byRow;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
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
