package org.onegrid.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.onegrid.gridwork.DutyRota;
import org.onegrid.gridwork.GridTeams;
import org.onegrid.gridwork.Scorecards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Grid work at a desk: a cadre's duty shifts with on-site check-in (双报到), the administrator's
 * grid-team editor, the leaders' grid-work overview (ranking of grid workers, duty counts), and
 * the residents' page of their grid's team (网格公开).
 */
@Controller
class GridWorkDeskPages {

    private final DutyRota duty;
    private final Scorecards scorecards;
    private final GridTeams teams;
    private final DirectoryService directory;
    private final GridService grids;
    private final CalendarService calendars;
    private final Clock clock;

    GridWorkDeskPages(DutyRota duty, Scorecards scorecards, GridTeams teams, DirectoryService directory, GridService grids,
                      CalendarService calendars, Clock clock) {
        this.duty = duty;
        this.scorecards = scorecards;
        this.teams = teams;
        this.directory = directory;
        this.grids = grids;
        this.calendars = calendars;
        this.clock = clock;
    }

    // ---- a cadre's duty shifts ----------------------------------------------------------------

    @GetMapping("/duty")
    String shifts(Model model, StaffMember me) {
        Instant now = clock.instant();
        model.addAttribute("shifts", duty.shiftsOf(me.id(), now.minus(java.time.Duration.ofDays(31)),
                now.plus(java.time.Duration.ofDays(31))));
        model.addAttribute("now", now);
        model.addAttribute("zone", calendars.calendar().zone());
        model.addAttribute("radius", Math.round(duty.checkInRadiusMeters()));
        return "duty";
    }

    @PostMapping("/duty/{id}/check-in")
    String checkIn(@PathVariable long id, @RequestParam(required = false) String lat, @RequestParam(required = false) String lng,
                   StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Double la = FormErrors.number("lat", lat, errors);
        Double ln = FormErrors.number("lng", lng, errors);
        try {
            if (errors.isEmpty()) {
                duty.checkIn(id, new DutyRota.CheckIn(la, ln), me);
                flash.addFlashAttribute("checkedIn", id);
            }
        } catch (ApiProblemException | Refusal refused) {
            FormErrors.collect(refused, errors);
        }
        flash.addFlashAttribute("shiftErrors", Map.of(id, String.join("; ", errors.values())));
        return "redirect:/duty";
    }

    @PostMapping("/duty/{id}/log")
    String log(@PathVariable long id, @RequestParam(required = false) String log, StaffMember me, RedirectAttributes flash) {
        try {
            duty.log(id, log, me);
        } catch (ApiProblemException | Refusal refused) {
            Map<String, String> errors = new HashMap<>();
            FormErrors.collect(refused, errors);
            flash.addFlashAttribute("shiftErrors", Map.of(id, String.join("; ", errors.values())));
        }
        return "redirect:/duty";
    }

    // ---- the administrator's grid teams -------------------------------------------------------

    @GetMapping("/admin/teams")
    String teamEditor(@RequestParam(required = false) String grid, Model model) {
        List<GridNode> all = grids.list(GridLevel.GRID, null);
        String chosen = grid == null && !all.isEmpty() ? all.get(0).code().value() : grid;
        model.addAttribute("grids", all);
        model.addAttribute("grid", chosen);
        model.addAttribute("team", chosen == null ? null : teams.publicTeam(chosen));
        model.addAttribute("assignments", chosen == null ? List.of() : directory.assignments(chosen));
        model.addAttribute("posts", GridPost.values());
        model.addAttribute("staff", directory.staffList());
        return "admin-teams";
    }

    @PostMapping("/admin/teams/{grid}/posts")
    String addPost(@PathVariable String grid, @RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Long staffId = FormErrors.parsed("staffId", typed.get("staffId"), Long::valueOf, "choose a staff member", errors);
        GridPost post = FormErrors.parsed("post", typed.get("post"), GridPost::valueOf, "choose a post", errors);
        try {
            if (errors.isEmpty()) {
                directory.assign(grid, new DirectoryService.NewAssignment(staffId, IntakePages.blankToNull(typed.get("personName")),
                        post, IntakePages.blankToNull(typed.get("duty")), IntakePages.blankToNull(typed.get("placeCode")),
                        IntakePages.blankToNull(typed.get("contactPhone"))), me.username());
                flash.addFlashAttribute("saved", true);
            }
        } catch (ApiProblemException | Refusal refused) {
            FormErrors.collect(refused, errors);
        }
        flash.addFlashAttribute("errors", errors);
        return "redirect:/admin/teams?grid=" + grid;
    }

    @PostMapping("/admin/teams/{grid}/posts/{id}/remove")
    String removePost(@PathVariable String grid, @PathVariable long id, StaffMember me) {
        directory.unassign(grid, id, me.username());
        return "redirect:/admin/teams?grid=" + grid;
    }

    // ---- the leaders' overview ----------------------------------------------------------------

    @GetMapping("/gridwork")
    String overview(@RequestParam(required = false) String street, @RequestParam(required = false) String month, Model model) {
        YearMonth m = GridWorkPhonePages.month(month, calendars, clock);
        List<GridNode> streets = grids.list(GridLevel.STREET, null);
        String chosen = street == null && !streets.isEmpty() ? streets.get(0).code().value() : street;
        model.addAttribute("streets", streets);
        model.addAttribute("street", chosen);
        model.addAttribute("month", m);
        model.addAttribute("ranking", chosen == null || !chosen.matches("\\d{6,16}") ? List.of() : scorecards.ranking(chosen, m));
        model.addAttribute("counts", duty.counts(m));
        return "gridwork";
    }

    // ---- residents: my grid's team ------------------------------------------------------------

    @GetMapping("/public/team")
    String publicTeam(@RequestParam(required = false) String grid, @RequestParam(required = false) String lat,
                      @RequestParam(required = false) String lng, Model model) {
        Map<String, String> errors = new HashMap<>();
        Double la = FormErrors.number("lat", lat, errors);
        Double ln = FormErrors.number("lng", lng, errors);
        GridTeams.PublicTeam team = null;
        if (grid != null && grids.node(grid).filter(n -> n.level() == GridLevel.GRID).isPresent()) {
            team = teams.publicTeam(grid);
        } else if (la != null && ln != null) {
            team = teams.publicTeamAt(la, ln).orElse(null);
        }
        model.addAttribute("team", team);
        model.addAttribute("asked", grid != null || la != null);
        model.addAttribute("form", new GridWorkPhonePages.MatterForm(null, null, lat, lng, null, null, null));
        return "public/team";
    }
}
