package org.onegrid.pages;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.calendar.CalendarService;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CasePhotos;
import org.onegrid.cases.GridDesk;
import org.onegrid.cases.PhotoCheck;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.gridwork.Inspections;
import org.onegrid.gridwork.Patrols;
import org.onegrid.gridwork.Scorecards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grid worker's day on the phone (网格员): patrols with the phone's track, what is found on the
 * way reported or settled on the spot (随手办), inspections against a checklist, and the month's
 * scorecard with the street's ranking.
 */
@Controller
class GridWorkPhonePages {

    /** A matter as the grid worker types it; with a result, it was settled on the spot. */
    record MatterForm(String title, String description, String lat, String lng, String categoryCode, String result,
                      String submissionKey) {

        static MatterForm blank() {
            return new MatterForm(null, null, null, null, null, null, UUID.randomUUID().toString());
        }
    }

    private final Patrols patrols;
    private final GridDesk gridDesk;
    private final Inspections inspections;
    private final Scorecards scorecards;
    private final CasePhotos photos;
    private final CatalogService catalog;
    private final DirectoryService directory;
    private final CalendarService calendars;
    private final Clock clock;

    GridWorkPhonePages(Patrols patrols, GridDesk gridDesk, Inspections inspections, Scorecards scorecards, CasePhotos photos,
                       CatalogService catalog, DirectoryService directory, CalendarService calendars, Clock clock) {
        this.patrols = patrols;
        this.gridDesk = gridDesk;
        this.inspections = inspections;
        this.scorecards = scorecards;
        this.photos = photos;
        this.catalog = catalog;
        this.directory = directory;
        this.calendars = calendars;
        this.clock = clock;
    }

    // ---- patrols ------------------------------------------------------------------------------

    @GetMapping("/m/patrol")
    String patrol(Model model, StaffMember me) {
        return patrolPage(model, me, MatterForm.blank());
    }

    private String patrolPage(Model model, StaffMember me, MatterForm form) {
        model.addAttribute("patrol", patrols.open(me).orElse(null));
        model.addAttribute("startKey", UUID.randomUUID().toString());
        model.addAttribute("zone", calendars.calendar().zone());
        matterModel(model, me, form);
        return "m/patrol";
    }

    private void matterModel(Model model, StaffMember me, MatterForm form) {
        model.addAttribute("form", form);
        model.addAttribute("categories", catalog.leaves());
        model.addAttribute("gridCategories", catalog.leaves().stream().filter(Category::gridOwned).toList());
        model.addAttribute("myGrids", String.join(",", directory.gridsOf(me.id())));
    }

    @PostMapping("/m/patrol/start")
    String start(@RequestParam(required = false) String lat, @RequestParam(required = false) String lng,
                 @RequestParam(required = false) String submissionKey, StaffMember me, Model model) {
        Map<String, String> errors = new HashMap<>();
        Double la = FormErrors.number("lat", lat, errors);
        Double ln = FormErrors.number("lng", lng, errors);
        try {
            if (errors.isEmpty()) {
                patrols.start(new Patrols.Position(null, la, ln), me, submissionKey);
                return "redirect:/m/patrol";
            }
        } catch (ApiProblemException | Refusal refused) {
            FormErrors.collect(refused, errors);
        }
        model.addAttribute("errors", errors);
        return patrolPage(model, me, MatterForm.blank());
    }

    /** The phone page's track: positions sent as the walk goes (JSON, with the page's CSRF token). */
    @PostMapping("/m/patrol/{id}/track")
    @ResponseBody
    Map<String, Object> track(@PathVariable long id, @RequestBody(required = false) Map<String, List<Patrols.Position>> body,
                              StaffMember me) {
        Patrols.PatrolView patrol = patrols.track(id, body == null ? null : body.get("positions"), me);
        return Map.of("points", patrol.points(), "distanceMeters", patrol.distanceMeters());
    }

    @PostMapping("/m/patrol/{id}/finding")
    String finding(@PathVariable long id, @ModelAttribute("form") MatterForm form,
                   @RequestParam(name = "photo", required = false) MultipartFile photo, Model model, StaffMember me,
                   RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        PhotoUpload.Placed placed = PhotoUpload.readPlaced(photos.check(), photo, form.lat(), form.lng(), errors);
        Optional<PhotoCheck.Checked> checked = placed.photo();
        Double lat = placed.lat();
        Double lng = placed.lng();
        if (errors.isEmpty()) {
            try {
                CaseIntake.IntakeResult result = patrols.find(id, new Patrols.NewFinding(form.title(), form.description(), lat,
                        lng, IntakePages.blankToNull(form.categoryCode()), IntakePages.blankToNull(form.result())), me,
                        form.submissionKey());
                keepPhoto(result, checked, form.result(), me);
                flash.addFlashAttribute(blank(form.result()) ? "reported" : "settled", result.details().code());
                return "redirect:/m/patrol";
            } catch (ApiProblemException | Refusal refused) {
                FormErrors.collect(refused, errors);
            }
        }
        model.addAttribute("errors", errors);
        return patrolPage(model, me, form);
    }

    private void keepPhoto(CaseIntake.IntakeResult result, Optional<PhotoCheck.Checked> photo, String settledWith,
                           StaffMember me) {
        if (!result.replayed()) {
            photo.ifPresent(p -> photos.add(result.details().id(),
                    blank(settledWith) ? CasePhotos.Purpose.REPORT : CasePhotos.Purpose.RESULT, p, me));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @PostMapping("/m/patrol/{id}/end")
    String end(@PathVariable long id, @RequestParam(required = false) String summary, StaffMember me) {
        patrols.end(id, summary, me);
        return "redirect:/m/patrol/" + id;
    }

    @GetMapping("/m/patrol/{id}")
    String patrolSummary(@PathVariable long id, Model model, StaffMember me) {
        model.addAttribute("patrol", patrols.get(id, me));
        return "m/patrol-summary";
    }

    // ---- settled on the spot (随手办) -----------------------------------------------------------

    @GetMapping("/m/settle")
    String settleForm(Model model, StaffMember me) {
        matterModel(model, me, MatterForm.blank());
        return "m/settle";
    }

    @PostMapping("/m/settle")
    String settle(@ModelAttribute("form") MatterForm form, @RequestParam(name = "photo", required = false) MultipartFile photo,
                  Model model, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        PhotoUpload.Placed placed = PhotoUpload.readPlaced(photos.check(), photo, form.lat(), form.lng(), errors);
        Optional<PhotoCheck.Checked> checked = placed.photo();
        Double lat = placed.lat();
        Double lng = placed.lng();
        if (errors.isEmpty()) {
            try {
                CaseIntake.IntakeResult result = gridDesk.settleOnTheSpot(new GridDesk.OnTheSpot(form.title(),
                        form.description(), lat, lng, null, IntakePages.blankToNull(form.categoryCode()), form.result()), me,
                        form.submissionKey());
                keepPhoto(result, checked, form.result(), me);
                flash.addFlashAttribute("settled", result.details().code());
                return "redirect:/m";
            } catch (ApiProblemException | Refusal refused) {
                FormErrors.collect(refused, errors);
            }
        }
        model.addAttribute("errors", errors);
        matterModel(model, me, form);
        return "m/settle";
    }

    // ---- inspections --------------------------------------------------------------------------

    @GetMapping("/m/inspect")
    String inspectForm(@RequestParam(required = false) Long checklist, Model model, StaffMember me) {
        return inspectPage(checklist, model, me, Map.of(), null);
    }

    private String inspectPage(Long checklistId, Model model, StaffMember me, Map<String, String> typed, Inspections.Inspection done) {
        List<Inspections.Checklist> all = inspections.checklists();
        model.addAttribute("checklists", all);
        model.addAttribute("checklist", checklistId == null ? null
                : all.stream().filter(c -> c.id() == checklistId).findFirst().orElse(null));
        model.addAttribute("typed", typed);
        model.addAttribute("done", done);
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        model.addAttribute("myGrids", String.join(",", directory.gridsOf(me.id())));
        model.addAttribute("form", MatterForm.blank());
        return "m/inspect";
    }

    @PostMapping("/m/inspect")
    String inspect(@RequestParam Map<String, String> typed, Model model, StaffMember me) {
        Map<String, String> errors = new HashMap<>();
        Long checklistId = FormErrors.parsed("checklistId", typed.get("checklistId"), Long::valueOf, "choose a checklist", errors);
        Double lat = FormErrors.number("lat", typed.get("lat"), errors);
        Double lng = FormErrors.number("lng", typed.get("lng"), errors);
        Optional<Inspections.Checklist> checklist = checklistId == null ? Optional.empty() : inspections.checklist(checklistId);
        List<Inspections.ItemResult> results = new java.util.ArrayList<>();
        for (int i = 1; checklist.isPresent() && i <= checklist.get().items().size(); i++) {
            String verdict = typed.get("item" + i);
            results.add(new Inspections.ItemResult(i, verdict == null ? null : "pass".equals(verdict), typed.get("note" + i)));
        }
        if (errors.isEmpty()) {
            try {
                Inspections.Inspection done = inspections.inspect(new Inspections.NewInspection(checklistId,
                        typed.get("placeName"), lat, lng, null, results), me, typed.get("submissionKey"));
                return inspectPage(null, model, me, Map.of(), done);
            } catch (ApiProblemException | Refusal refused) {
                FormErrors.collect(refused, errors);
            }
        }
        model.addAttribute("errors", errors);
        return inspectPage(checklistId, model, me, typed, null);
    }

    // ---- scorecard ----------------------------------------------------------------------------

    @GetMapping("/m/scorecard")
    String scorecard(@RequestParam(required = false) String month, Model model, StaffMember me) {
        YearMonth m = month(month, calendars, clock);
        model.addAttribute("month", m);
        model.addAttribute("card", scorecards.of(me.username(), m, me));
        List<String> grids = directory.gridsOf(me.id());
        String street = grids.isEmpty() ? null : grids.get(0).substring(0, 9);
        model.addAttribute("ranking", street == null ? List.of() : scorecards.ranking(street, m));
        return "m/scorecard";
    }

    /** The month a page asks for, this month when none or an unreadable one is given. */
    static YearMonth month(String month, CalendarService calendars, Clock clock) {
        try {
            if (month != null && !month.isBlank()) {
                YearMonth m = YearMonth.parse(month.trim());
                if (m.getYear() >= 1900 && m.getYear() <= 2199) {
                    return m;
                }
            }
        } catch (DateTimeParseException unreadable) {
            // fall through to this month
        }
        return YearMonth.from(clock.instant().atZone(calendars.calendar().zone()));
    }
}
