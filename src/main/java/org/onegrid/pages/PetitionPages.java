package org.onegrid.pages;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.calendar.CalendarService;
import org.onegrid.catalog.CatalogService;
import org.onegrid.cases.PhotoCheck;
import org.onegrid.directory.StaffMember;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridService;
import org.onegrid.petitions.Petitions;
import org.onegrid.petitions.PlanStep;
import org.onegrid.petitions.MediationForm;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Petitions on the pages: the petition desk's list by grade with the clocks and the register form
 * (/petitions), and a petition's page (/petitions/{id}): its grade and earlier petitions, the
 * leader's regrade and taking with a task force and a plan, the steps reported, home visits with a
 * photo, mediation with the agreement's scan and its follow-up.
 */
@Controller
class PetitionPages {

    private final Petitions petitions;
    private final GridService grids;
    private final CatalogService catalog;
    private final CalendarService calendars;

    PetitionPages(Petitions petitions, GridService grids, CatalogService catalog, CalendarService calendars) {
        this.petitions = petitions;
        this.grids = grids;
        this.catalog = catalog;
        this.calendars = calendars;
    }

    @GetMapping("/petitions")
    String desk(@RequestParam(required = false) String grade, @RequestParam(defaultValue = "true") boolean open, StaffMember me,
                Model model) {
        String chosen = grade != null && grade.matches("RED|YELLOW|BLUE") ? grade : null;
        model.addAttribute("petitions", petitions.list(chosen, open, me));
        model.addAttribute("grade", chosen);
        model.addAttribute("open", open);
        model.addAttribute("grids", grids.list(GridLevel.GRID, null));
        model.addAttribute("categories", catalog.leaves());
        model.addAttribute("zone", calendars.calendar().zone());
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        return "petitions";
    }

    @PostMapping("/petitions")
    String register(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Integer group = FormErrors.parsed("groupSize", typed.get("groupSize"), Integer::valueOf, "a number of people", errors);
        Optional<double[]> point = Optional.ofNullable(IntakePages.blankToNull(typed.get("gridCode"))).flatMap(grids::pointWithin);
        if (point.isEmpty()) {
            errors.put("gridCode", "choose the grid where the matter is");
        }
        long[] created = new long[1];
        FormErrors.attempt(errors, flash, "registered", () -> created[0] = petitions.register(new Petitions.NewPetition(typed.get("title"),
                typed.get("description"), point.get()[0], point.get()[1], IntakePages.blankToNull(typed.get("address")),
                IntakePages.blankToNull(typed.get("categoryCode")), typed.get("petitionerName"), typed.get("petitionerPhone"), group,
                typed.containsKey("riskToLife"), typed.containsKey("escalated")), me,
                IntakePages.blankToNull(typed.get("submissionKey"))).id());
        return created[0] == 0 ? "redirect:/petitions" : "redirect:/petitions/" + created[0];
    }

    @GetMapping("/petitions/{id}")
    String petition(@PathVariable long id, StaffMember me, Model model) {
        model.addAttribute("p", petitions.view(id, me));
        model.addAttribute("committees", petitions.committeesOf(me));
        model.addAttribute("zone", calendars.calendar().zone());
        model.addAttribute("today", LocalDate.now(calendars.calendar().zone()));
        return "petition";
    }

    @PostMapping("/petitions/{id}/regrade")
    String regrade(@PathVariable long id, @RequestParam(required = false) String grade, @RequestParam(required = false) String reason,
                   StaffMember me, RedirectAttributes flash) {
        FormErrors.attempt(new HashMap<>(), flash, "regraded", () -> petitions.regrade(id, grade, reason, me));
        return "redirect:/petitions/" + id;
    }

    /** Taking the case: the task force and the plan, one step a line as "what | 2026-12-20". */
    @PostMapping("/petitions/{id}/take")
    String take(@PathVariable long id, @RequestParam(required = false) String taskForce, @RequestParam(required = false) String plan,
                StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        List<PlanStep> steps = new ArrayList<>();
        String[] lines = plan == null ? new String[0] : plan.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("[|｜]");
            LocalDate due = parts.length < 2 ? null : FormErrors.parsed("plan", parts[1].strip(), LocalDate::parse,
                    "line " + (i + 1) + ": a date such as 2026-12-20 after |", errors);
            if (parts.length < 2) {
                errors.put("plan", "line " + (i + 1) + ": what is done | by when (2026-12-20)");
            }
            steps.add(new PlanStep(parts[0].strip(), due));
        }
        FormErrors.attempt(errors, flash, "taken", () -> petitions.take(id, taskForce, steps, me));
        return "redirect:/petitions/" + id;
    }

    @PostMapping("/petitions/steps/{stepId}/report")
    String report(@PathVariable long stepId, @RequestParam long petition, @RequestParam(required = false) String report,
                  StaffMember me, RedirectAttributes flash) {
        FormErrors.attempt(new HashMap<>(), flash, "reported", () -> petitions.reportStep(stepId, report, me));
        return "redirect:/petitions/" + petition;
    }

    @PostMapping("/petitions/{id}/visits")
    String visit(@PathVariable long id, @RequestParam(required = false) String note,
                 @RequestParam(name = "photo", required = false) MultipartFile photo, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Optional<PhotoCheck.Checked> checked = PhotoUpload.read(petitions.photoCheck(), "photo", photo, errors);
        FormErrors.attempt(errors, flash, "visited", () -> petitions.visit(id, note, checked, me));
        return "redirect:/petitions/" + id;
    }

    @PostMapping("/petitions/{id}/mediations")
    String mediate(@PathVariable long id, @RequestParam Map<String, String> typed,
                   @RequestParam(name = "agreement", required = false) MultipartFile agreement, StaffMember me,
                   RedirectAttributes flash) throws IOException {
        byte[] scan = agreement == null || agreement.isEmpty() ? null : agreement.getBytes();
        String type = agreement == null ? null : agreement.getContentType();
        FormErrors.attempt(new HashMap<>(), flash, "mediated", () -> petitions.mediate(id, MediationForm.read(typed), scan, type, me));
        return "redirect:/petitions/" + id;
    }

    @PostMapping("/petitions/mediations/{mediationId}/follow-up")
    String followUp(@PathVariable long mediationId, @RequestParam long petition, @RequestParam(required = false) String kept,
                    @RequestParam(required = false) String note, StaffMember me, RedirectAttributes flash) {
        FormErrors.attempt(new HashMap<>(), flash, "followedUp", () -> petitions.followUp(mediationId, kept == null ? null : "yes".equals(kept),
                note, me));
        return "redirect:/petitions/" + petition;
    }

    @GetMapping("/petitions/mediations/{mediationId}/agreement")
    ResponseEntity<byte[]> agreement(@PathVariable long mediationId, StaffMember me) {
        return petitions.agreement(mediationId, me).map(a -> ResponseEntity.ok().contentType(MediaType.parseMediaType(a.getKey()))
                .header("Content-Disposition", "attachment; filename=\"agreement-" + mediationId + "\"").body(a.getValue()))
                .orElse(ResponseEntity.notFound().build());
    }
}
