package org.onegrid.pages;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridService;
import org.onegrid.volunteering.Activities;
import org.onegrid.volunteering.PointsLedger;
import org.onegrid.volunteering.Volunteers;
import org.onegrid.volunteering.VolunteeringReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Volunteer points on the pages: a resident registers (/public/volunteer); a volunteer's phone
 * page (/v: activities, check-in and out with the organiser's code, my points, rewards, redeem);
 * a merchant's page (/v/merchant: rewards, redemptions to honour); the community staff's page
 * (/volunteering: publish activities, show the code, confirm hours, corrections, merchants,
 * the month's report).
 */
@Controller
class VolunteeringPages {

    private final Volunteers volunteers;
    private final Activities activities;
    private final PointsLedger ledger;
    private final VolunteeringReport report;
    private final GridService grids;
    private final CalendarService calendars;
    private final Clock clock;

    VolunteeringPages(Volunteers volunteers, Activities activities, PointsLedger ledger, VolunteeringReport report,
                      GridService grids, CalendarService calendars, Clock clock) {
        this.volunteers = volunteers;
        this.activities = activities;
        this.ledger = ledger;
        this.report = report;
        this.grids = grids;
        this.calendars = calendars;
        this.clock = clock;
    }

    private ZoneId zone() {
        return calendars.calendar().zone();
    }

    private static void refused(RuntimeException refusal, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        FormErrors.collect(refusal, errors);
        flash.addFlashAttribute("errors", errors);
    }

    // ---- residents register ---------------------------------------------------------------------

    @GetMapping("/public/volunteer")
    String registration(Model model) {
        model.addAttribute("communities", grids.list(GridLevel.COMMUNITY, null));
        return "public/volunteer";
    }

    @PostMapping("/public/volunteer")
    String register(@RequestParam Map<String, String> typed, Model model) {
        try {
            Volunteers.Volunteer v = volunteers.register(new Volunteers.NewVolunteer(typed.get("name"), typed.get("phone"),
                    typed.get("communityCode"), typed.get("password")));
            model.addAttribute("registered", v);
        } catch (ApiProblemException | Refusal refusal) {
            FormErrors.show(model, refusal);
            model.addAttribute("typed", typed);
        }
        return registration(model);
    }

    // ---- a volunteer's phone page ---------------------------------------------------------------

    @GetMapping("/v")
    String volunteer(StaffMember me, Model model) {
        Volunteers.Volunteer v = volunteers.requireVolunteer(me);
        model.addAttribute("volunteer", v);
        model.addAttribute("communityName", grids.node(v.communityCode()).map(n -> n.name()).orElse(v.communityCode()));
        model.addAttribute("balance", ledger.balance(v.id()));
        model.addAttribute("upcoming", activities.upcoming(v.communityCode()));
        List<Activities.SignupView> mine = activities.mySignups(me);
        model.addAttribute("signups", mine);
        model.addAttribute("signedUp", mine.stream().map(Activities.SignupView::activityId).toList());
        model.addAttribute("rewards", ledger.rewards(null));
        model.addAttribute("redemptions", ledger.redemptionsOf(v.id()));
        model.addAttribute("entries", ledger.entries(v.id(), 30));
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        model.addAttribute("zone", zone());
        return "v/volunteer";
    }

    @PostMapping("/v/activities/{id}/sign-up")
    String signUp(@PathVariable long id, StaffMember me, RedirectAttributes flash) {
        try {
            activities.signUp(id, me);
            flash.addFlashAttribute("done", "signedUp");
        } catch (ApiProblemException | Refusal refusal) {
            refused(refusal, flash);
        }
        return "redirect:/v";
    }

    @PostMapping("/v/activities/{id}/{way}")
    String attend(@PathVariable long id, @PathVariable String way, @RequestParam(required = false) String code, StaffMember me,
                  RedirectAttributes flash) {
        try {
            switch (way) {
                case "check-in" -> activities.checkIn(id, code, me);
                case "check-out" -> activities.checkOut(id, code, me);
                default -> throw ApiProblemException.notFound("page", way);
            }
            flash.addFlashAttribute("done", way.equals("check-in") ? "checkedIn" : "checkedOut");
        } catch (ApiProblemException | Refusal refusal) {
            refused(refusal, flash);
        }
        return "redirect:/v";
    }

    @PostMapping("/v/rewards/{id}/redeem")
    String redeem(@PathVariable long id, @RequestParam(required = false) String submissionKey, StaffMember me,
                  RedirectAttributes flash) {
        try {
            PointsLedger.Redemption r = ledger.redeem(id, me, submissionKey == null || submissionKey.isBlank() ? null : submissionKey);
            // flash attributes live in the session: plain strings only
            flash.addFlashAttribute("redeemedTitle", r.rewardTitle());
            flash.addFlashAttribute("redeemedCode", r.code());
        } catch (ApiProblemException | Refusal refusal) {
            refused(refusal, flash);
        }
        return "redirect:/v";
    }

    // ---- a merchant's page ----------------------------------------------------------------------

    @GetMapping("/v/merchant")
    String merchant(StaffMember me, Model model) {
        Volunteers.Merchant m = volunteers.requireMerchant(me);
        model.addAttribute("merchant", m);
        model.addAttribute("rewards", ledger.rewards(m.id()));
        model.addAttribute("redemptions", ledger.redemptionsFor(me));
        model.addAttribute("zone", zone());
        return "v/merchant";
    }

    @PostMapping("/v/merchant/rewards")
    String publishReward(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        Integer price = FormErrors.parsed("pointsPrice", typed.get("pointsPrice"), Integer::valueOf, "a number of points", errors);
        Integer stock = FormErrors.parsed("stock", typed.get("stock"), Integer::valueOf, "a number of items", errors);
        try {
            if (errors.isEmpty()) {
                ledger.publish(new PointsLedger.NewReward(typed.get("title"), IntakePages.blankToNull(typed.get("description")),
                        price, stock), me);
                flash.addFlashAttribute("done", "published");
            }
        } catch (ApiProblemException | Refusal refusal) {
            FormErrors.collect(refusal, errors);
        }
        flash.addFlashAttribute("errors", errors);
        return "redirect:/v/merchant";
    }

    @PostMapping("/v/merchant/honour")
    String honour(@RequestParam(required = false) String code, StaffMember me, RedirectAttributes flash) {
        try {
            PointsLedger.Redemption r = ledger.honour(code, me);
            flash.addFlashAttribute("honouredTitle", r.rewardTitle());
            flash.addFlashAttribute("honouredTo", r.volunteerName());
        } catch (ApiProblemException | Refusal refusal) {
            refused(refusal, flash);
        }
        return "redirect:/v/merchant";
    }

    // ---- the community staff's page -------------------------------------------------------------

    @GetMapping("/volunteering")
    String organiser(@RequestParam(required = false) String community, @RequestParam(required = false) Long activity,
                     @RequestParam(required = false) String month, StaffMember me, Model model) {
        List<String> mine = volunteers.communitiesOf(me);
        String chosen = community != null && mine.contains(community) ? community : mine.isEmpty() ? null : mine.get(0);
        model.addAttribute("communities", mine.stream().map(c -> grids.node(c).orElseThrow()).toList());
        model.addAttribute("community", chosen);
        model.addAttribute("zone", zone());
        if (chosen == null) {
            return "volunteering";
        }
        List<Activities.ActivityView> list = activities.list(chosen, 50);
        model.addAttribute("activities", list);
        Long open = activity != null ? activity : list.isEmpty() ? null : list.get(0).id();
        if (open != null && list.stream().anyMatch(a -> a.id() == open)) {
            model.addAttribute("activity", activities.view(open));
            model.addAttribute("signups", activities.signupsOf(open, me));
            model.addAttribute("code", activities.currentCode(open, me).orElse(null));
        }
        YearMonth m = GridWorkPhonePages.month(month, calendars, clock);
        model.addAttribute("month", m);
        model.addAttribute("report", report.of(chosen, m.atDay(1).atStartOfDay(zone()).toInstant(),
                m.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant()));
        model.addAttribute("volunteers", volunteers.of(chosen));
        return "volunteering";
    }

    @PostMapping("/volunteering/activities")
    String publish(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        Map<String, String> errors = new HashMap<>();
        java.time.Instant starts = FormErrors.parsed("startsAt", typed.get("startsAt"),
                t -> LocalDateTime.parse(t).atZone(zone()).toInstant(), "a date and time", errors);
        java.time.Instant ends = FormErrors.parsed("endsAt", typed.get("endsAt"),
                t -> LocalDateTime.parse(t).atZone(zone()).toInstant(), "a date and time", errors);
        Integer capacity = FormErrors.parsed("capacity", typed.get("capacity"), Integer::valueOf, "a number", errors);
        Integer rate = FormErrors.parsed("pointsPerHour", typed.get("pointsPerHour"), Integer::valueOf, "a number", errors);
        Integer max = FormErrors.parsed("maxHours", typed.get("maxHours"), Integer::valueOf, "a number", errors);
        String community = typed.get("communityCode");
        try {
            if (errors.isEmpty()) {
                Activities.ActivityView a = activities.publish(new Activities.NewActivity(community, typed.get("title"),
                        typed.get("place"), starts, ends, capacity, rate, max), me);
                flash.addFlashAttribute("done", "published");
                return "redirect:/volunteering?community=" + a.communityCode() + "&activity=" + a.id();
            }
        } catch (ApiProblemException | Refusal refusal) {
            FormErrors.collect(refusal, errors);
        }
        flash.addFlashAttribute("errors", errors);
        return "redirect:/volunteering" + (community != null && community.matches("\\d{12}") ? "?community=" + community : "");
    }

    @PostMapping("/volunteering/activities/{id}/code")
    String showCode(@PathVariable long id, StaffMember me, RedirectAttributes flash) {
        Activities.ActivityView a = activities.view(id);
        try {
            activities.newCode(id, me);
        } catch (ApiProblemException | Refusal refusal) {
            refused(refusal, flash);
        }
        return "redirect:/volunteering?community=" + a.communityCode() + "&activity=" + id;
    }

    @PostMapping("/volunteering/activities/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String volunteerId,
                   @RequestParam(required = false) String minutes, StaffMember me, RedirectAttributes flash) {
        Activities.ActivityView a = activities.view(id);
        Map<String, String> errors = new HashMap<>();
        Long vid = FormErrors.parsed("volunteerId", volunteerId, Long::valueOf, "choose a volunteer", errors);
        Integer min = FormErrors.parsed("minutes", IntakePages.blankToNull(minutes), Integer::valueOf, "a number of minutes", errors);
        try {
            if (errors.isEmpty()) {
                activities.confirm(id, vid, min, me);
                flash.addFlashAttribute("done", "confirmed");
            }
        } catch (ApiProblemException | Refusal refusal) {
            FormErrors.collect(refusal, errors);
        }
        flash.addFlashAttribute("errors", errors);
        return "redirect:/volunteering?community=" + a.communityCode() + "&activity=" + id;
    }

    @PostMapping("/volunteering/merchants")
    String registerMerchant(@RequestParam Map<String, String> typed, StaffMember me, RedirectAttributes flash) {
        try {
            Volunteers.Merchant m = volunteers.registerMerchant(new Volunteers.NewMerchant(typed.get("name"),
                    typed.get("communityCode"), IntakePages.blankToNull(typed.get("address")), typed.get("password")), me);
            flash.addFlashAttribute("merchantName", m.name());
            flash.addFlashAttribute("merchantUsername", m.username());
        } catch (ApiProblemException | Refusal refusal) {
            refused(refusal, flash);
        }
        String community = typed.get("communityCode");
        return "redirect:/volunteering" + (community != null && community.matches("\\d{12}") ? "?community=" + community : "");
    }
}
