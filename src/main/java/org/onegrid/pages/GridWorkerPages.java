package org.onegrid.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CasePhotos;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.cases.PhotoCheck;
import org.onegrid.catalog.CatalogService;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grid worker's phone pages (网格员): report an event with a photo and the phone's
 * position, the open tasks in my grids, site verification with a photo, my grids on the map.
 */
@Controller
class GridWorkerPages {

    /** An event as the grid worker types it. */
    record ReportForm(String title, String description, String lat, String lng, String address, String categoryCode,
                      String placeCode, String submissionKey) {

        static ReportForm blank() {
            return new ReportForm(null, null, null, null, null, null, null, UUID.randomUUID().toString());
        }
    }

    private final CaseViews cases;
    private final CaseIntake intake;
    private final CasePhotos photos;
    private final DirectoryService directory;
    private final CasePages casePages;
    private final CatalogService catalog;
    private final org.onegrid.grid.Compounds compounds;
    private final org.onegrid.households.HouseholdRegister register;

    GridWorkerPages(CaseViews cases, CaseIntake intake, CasePhotos photos, DirectoryService directory, CasePages casePages,
                    CatalogService catalog, org.onegrid.grid.Compounds compounds,
                    org.onegrid.households.HouseholdRegister register) {
        this.register = register;
        this.compounds = compounds;
        this.cases = cases;
        this.intake = intake;
        this.photos = photos;
        this.directory = directory;
        this.casePages = casePages;
        this.catalog = catalog;
    }

    @GetMapping("/m")
    String tasks(Model model, StaffMember me) {
        List<CaseDetails> toVerify = inMyGrids(CaseState.RESOLVED, me);
        List<CaseDetails> open = java.util.stream.Stream.of(CaseState.RECEIVED, CaseState.DISPATCHED, CaseState.ACCEPTED,
                        CaseState.RETURNED)
                .flatMap(s -> inMyGrids(s, me).stream()).sorted(CaseDetails.MOST_URGENT_FIRST).toList();
        model.addAttribute("toVerify", toVerify);
        model.addAttribute("open", open);
        model.addAttribute("myGrids", String.join(",", directory.gridsOf(me.id())));
        model.addAttribute("careOverdue", register.list(null, null, true, 0, 200, me).size());
        return "m/tasks";
    }

    private List<CaseDetails> inMyGrids(CaseState state, StaffMember me) {
        return cases.list(new CaseFilter(state, null, null, null, null, null, null, 0, CaseFilter.MAX_PAGE_SIZE), me).items();
    }

    @GetMapping("/m/report")
    String reportForm(Model model, StaffMember me) {
        return reportPage(model, ReportForm.blank(), me);
    }

    private String reportPage(Model model, ReportForm form, StaffMember me) {
        model.addAttribute("form", form);
        model.addAttribute("categories", catalog.leaves());
        List<String> grids = directory.gridsOf(me.id());
        model.addAttribute("myGrids", String.join(",", grids));
        model.addAttribute("compounds", grids.stream().flatMap(g -> compounds.under(g).stream()).toList());
        return "m/report";
    }

    @PostMapping("/m/report")
    String report(@ModelAttribute("form") ReportForm form, @RequestParam(name = "photo", required = false) MultipartFile photo,
                  Model model, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        PhotoUpload.Placed placed = PhotoUpload.readPlaced(photos.check(), photo, form.lat(), form.lng(), errors);
        Optional<PhotoCheck.Checked> checked = placed.photo();
        Double lat = placed.lat();
        Double lng = placed.lng();
        if (errors.isEmpty()) {
            try {
                CaseIntake.IntakeResult result = intake.receive(new NewCase(Channel.GRID_WORKER, form.title(),
                        form.description(), lat, lng, form.address(), IntakePages.blankToNull(form.categoryCode()),
                        null, null, IntakePages.blankToNull(form.placeCode())), me, form.submissionKey());
                if (!result.replayed()) {
                    checked.ifPresent(p -> photos.add(result.details().id(), CasePhotos.Purpose.REPORT, p, me));
                }
                flash.addFlashAttribute("reported", result.details().code());
                return "redirect:/m";
            } catch (ApiProblemException | Refusal refused) {
                FormErrors.collect(refused, errors);
            }
        }
        model.addAttribute("errors", errors);
        return reportPage(model, form, me);
    }

    /** One task on the phone: the result to check on site, and the pass/fail form. */
    @GetMapping("/m/cases/{id}")
    String task(@PathVariable long id, Model model, StaffMember me) {
        return taskPage(id, model, me, CasePages.ActionForm.blank());
    }

    private String taskPage(long id, Model model, StaffMember me, CasePages.ActionForm form) {
        casePages.page(id, model, me, form, null);
        return "m/task";
    }

    @PostMapping("/m/cases/{id}/verify")
    String verify(@PathVariable long id, @ModelAttribute("form") CasePages.ActionForm form,
                  @RequestParam(name = "photo", required = false) MultipartFile photo, Model model, StaffMember me,
                  RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        if (casePages.perform(id, CaseAction.VERIFY, form, photo, me, errors).isPresent()) {
            flash.addFlashAttribute("verified", cases.get(id, me).code());
            return "redirect:/m";
        }
        model.addAttribute("errors", errors);
        return taskPage(id, model, me, form);
    }
}
