package org.onegrid.pages;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.households.Campaigns;
import org.onegrid.households.HouseholdRegister;
import org.onegrid.households.MemberImport;
import org.onegrid.households.RegisterExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register of residents on the pages: the community's desk (/register: a grid's households
 * with their members masked, add a household or a member, reveal an ID number for a purpose,
 * move out, the spreadsheet import with its preview, care visits overdue, campaigns and their
 * progress) and the grid worker's phone (/m/households: visits overdue first, log a visit, check
 * households in a campaign).
 */
@Controller
class RegisterPages {

    private final HouseholdRegister register;
    private final MemberImport imports;
    private final Campaigns campaigns;
    private final RegisterExport export;

    RegisterPages(HouseholdRegister register, MemberImport imports, Campaigns campaigns, RegisterExport export) {
        this.export = export;
        this.register = register;
        this.imports = imports;
        this.campaigns = campaigns;
    }

    private static String back(String grid) {
        return "redirect:/register" + (grid != null && grid.matches("\\d{15}") ? "?grid=" + grid : "");
    }

    // ---- the community's desk -------------------------------------------------------------------

    @GetMapping("/register")
    String desk(@RequestParam(required = false) String grid, @RequestParam(required = false) String flag,
                @RequestParam(defaultValue = "false") boolean overdue, StaffMember me, Model model) {
        List<String> mine = register.gridsOf(me);
        String chosen = grid != null && mine.contains(grid) ? grid : mine.isEmpty() ? null : mine.get(0);
        model.addAttribute("grids", mine);
        model.addAttribute("grid", chosen);
        model.addAttribute("flags", register.flags());
        model.addAttribute("flag", flag == null || flag.isBlank() ? null : flag);
        model.addAttribute("overdue", overdue);
        model.addAttribute("today", register.today());
        if (chosen != null) {
            model.addAttribute("households", register.list(chosen, flag == null || flag.isBlank() ? null : flag, overdue, 0, 200, me));
            model.addAttribute("campaigns", campaigns.list(me).stream().filter(c -> c.gridCodes().contains(chosen))
                    .map(c -> campaigns.progress(c.id(), me)).toList());
            model.addAttribute("campaignTitles", campaigns.list(me).stream().collect(java.util.stream.Collectors.toMap(
                    Campaigns.Campaign::id, Campaigns.Campaign::title)));
        }
        return "register";
    }

    @PostMapping("/register/households")
    String addHousehold(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        FormErrors.attempt(new HashMap<>(), flash, "household", () -> register.create(new HouseholdRegister.NewHousehold(typed.get("gridCode"),
                IntakePages.blankToNull(typed.get("buildingCode")), IntakePages.blankToNull(typed.get("unitNo")),
                IntakePages.blankToNull(typed.get("room")), IntakePages.blankToNull(typed.get("address"))), me));
        return back(typed.get("gridCode"));
    }

    @PostMapping("/register/households/{id}/members")
    String addMember(@PathVariable long id, @RequestParam Map<String, String> typed,
                     @RequestParam(name = "flags", required = false) List<String> flags, StaffMember me, RedirectAttributes flash) {
        String grid = register.household(id, me).gridCode();
        FormErrors.attempt(new HashMap<>(), flash, "member", () -> register.addMember(id, new HouseholdRegister.NewMember(typed.get("name"),
                typed.get("idNumber"), IntakePages.blankToNull(typed.get("phone")), typed.get("relation"), typed.get("residence"),
                flags == null ? List.of() : flags, null), me));
        return back(grid);
    }

    @PostMapping("/register/members/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(required = false) String purpose, StaffMember me, RedirectAttributes flash) {
        HouseholdRegister.MemberView m = register.member(id, me);
        String grid = register.household(m.householdId(), me).gridCode();
        FormErrors.attempt(new HashMap<>(), flash, "revealed", () -> {
            HouseholdRegister.Revealed r = register.reveal(id, purpose, me);
            flash.addFlashAttribute("revealedId", String.valueOf(id));
            flash.addFlashAttribute("revealedText", r.name() + " " + r.idNumber() + (r.phone() == null ? "" : " " + r.phone()));
        });
        return back(grid);
    }

    @PostMapping("/register/members/{id}/move-out")
    String moveOut(@PathVariable long id, @RequestParam(required = false) String reason, StaffMember me, RedirectAttributes flash) {
        HouseholdRegister.MemberView m = register.member(id, me);
        String grid = register.household(m.householdId(), me).gridCode();
        FormErrors.attempt(new HashMap<>(), flash, "movedOut", () -> register.moveOut(id, register.today(), IntakePages.blankToNull(reason), me));
        return back(grid);
    }

    /** The grid's register as a spreadsheet, for the purpose typed (logged); without one, back to the page. */
    @GetMapping("/register/export")
    Object export(@RequestParam(required = false) String grid, @RequestParam(required = false) String purpose, StaffMember me,
                  RedirectAttributes flash) {
        try {
            RegisterExport.Prepared prepared = export.prepare(grid, purpose, me);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(prepared.mediaType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, prepared.disposition())
                    .body((StreamingResponseBody) prepared::write);
        } catch (ApiProblemException | Refusal refusal) {
            Map<String, String> errors = new HashMap<>();
            FormErrors.collect(refusal, errors);
            flash.addFlashAttribute("errors", errors);
            return back(grid);
        }
    }

    /** The spreadsheet: checked and shown row by row ({@code preview}), or imported whole. */
    @PostMapping("/register/import")
    String importSheet(@RequestParam(name = "file", required = false) MultipartFile file,
                       @RequestParam(required = false) String preview, @RequestParam(required = false) String grid,
                       StaffMember me, RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("errors", Map.of("file", "choose an .xlsx workbook"));
            return back(grid);
        }
        try {
            MemberImport.Result r = imports.run(file.getInputStream(), preview == null, me);
            List<String> lines = new ArrayList<>();
            r.problems().forEach(p -> lines.add(p.row() + "\t" + p.field() + "\t" + p.reason()));
            flash.addFlashAttribute("importProblems", lines);
            flash.addFlashAttribute("importSummary", r.rows() + "\t" + r.households() + "\t" + r.members() + "\t" + r.written()
                    + "\t" + r.problemCount());
        } catch (ApiProblemException | Refusal refusal) {
            Map<String, String> errors = new HashMap<>();
            FormErrors.collect(refusal, errors);
            flash.addFlashAttribute("errors", errors);
        }
        return back(grid);
    }

    @PostMapping("/register/campaigns")
    String launch(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        LocalDate starts = FormErrors.parsed("startsOn", typed.get("startsOn"), LocalDate::parse, "a date", errors);
        LocalDate ends = FormErrors.parsed("endsOn", typed.get("endsOn"), LocalDate::parse, "a date", errors);
        if (!errors.isEmpty()) {
            flash.addFlashAttribute("errors", errors);
            return back(typed.get("gridCode"));
        }
        String checklist = typed.getOrDefault("checklist", "");
        FormErrors.attempt(new HashMap<>(), flash, "campaign", () -> campaigns.launch(new Campaigns.NewCampaign(typed.get("title"), typed.get("kind"),
                List.of(typed.getOrDefault("gridCode", "")), List.of(checklist.split("\\R")), starts, ends), me));
        return back(typed.get("gridCode"));
    }

    // ---- the administrator's list of flags -----------------------------------------------------

    @GetMapping("/admin/flags")
    String flags(Model model) {
        model.addAttribute("flags", register.flags());
        return "admin-flags";
    }

    @PostMapping("/admin/flags")
    String saveFlag(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Integer every = FormErrors.parsed("visitEveryDays", typed.get("visitEveryDays"), Integer::valueOf, "a number of days", errors);
        if (!errors.isEmpty()) {
            flash.addFlashAttribute("errors", errors);
            return "redirect:/admin/flags";
        }
        FormErrors.attempt(new HashMap<>(), flash, "flag", () -> register.saveFlag(new HouseholdRegister.CareFlag(typed.get("code"), typed.get("nameZh"),
                typed.get("nameEn"), every, typed.containsKey("active")), me));
        return "redirect:/admin/flags";
    }

    // ---- the grid worker's phone ----------------------------------------------------------------

    @GetMapping("/m/households")
    String phone(@RequestParam(required = false) Long campaign, StaffMember me, Model model) {
        List<HouseholdRegister.HouseholdView> overdue = register.list(null, null, true, 0, 200, me);
        model.addAttribute("overdue", overdue);
        model.addAttribute("households", register.list(null, null, false, 0, 100, me));
        List<Campaigns.Campaign> running = campaigns.list(me).stream()
                .filter(c -> !register.today().isBefore(c.startsOn()) && !register.today().isAfter(c.endsOn())).toList();
        model.addAttribute("campaigns", running);
        running.stream().filter(c -> campaign != null && c.id() == campaign).findFirst().ifPresent(c -> {
            model.addAttribute("campaign", c);
            model.addAttribute("unreached", c.gridCodes().stream().filter(g -> register.reads(me, g))
                    .flatMap(g -> campaigns.unreached(c.id(), g, me).stream()).limit(100).toList());
        });
        model.addAttribute("flags", register.flags());
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        return "m/households";
    }

    /** A member updated on the doorstep: a new phone (blank keeps it) and the flags as ticked. */
    @PostMapping("/m/households/members/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String phone,
                  @RequestParam(name = "flags", required = false) List<String> flags, StaffMember me, RedirectAttributes flash) {
        List<String> ticked = flags == null ? List.of() : flags.stream().filter(f -> !f.isBlank()).toList();
        FormErrors.attempt(new HashMap<>(), flash, "updated", () -> register.change(id, new HouseholdRegister.MemberChange(IntakePages.blankToNull(phone), null,
                null, ticked), me));
        return "redirect:/m/households";
    }

    @PostMapping("/m/households/{id}/visits")
    String visit(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam(required = false) String submissionKey,
                 StaffMember me, RedirectAttributes flash) {
        FormErrors.attempt(new HashMap<>(), flash, "visited", () -> register.visit(id, IntakePages.blankToNull(note), me, IntakePages.blankToNull(submissionKey)));
        return "redirect:/m/households";
    }

    @PostMapping("/m/households/campaigns/{campaign}/checks")
    String check(@PathVariable long campaign, @RequestParam(required = false) Long householdId,
                 @RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Campaigns.Campaign c = campaigns.campaign(campaign, me);
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < c.checklist().size(); i++) {
            answers.add("yes".equals(typed.get("item" + i)));
        }
        FormErrors.attempt(new HashMap<>(), flash, "checked", () -> campaigns.check(campaign, new Campaigns.Check(householdId, answers,
                IntakePages.blankToNull(typed.get("note"))), me));
        return "redirect:/m/households?campaign=" + campaign;
    }
}
