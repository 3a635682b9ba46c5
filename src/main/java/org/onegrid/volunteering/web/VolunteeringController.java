package org.onegrid.volunteering.web;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.volunteering.Activities;
import org.onegrid.volunteering.PointsLedger;
import org.onegrid.volunteering.Volunteers;
import org.onegrid.volunteering.VolunteeringReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Volunteer points over HTTP: registration, activities and attendance, rewards, the ledger, the report. */
@RestController
class VolunteeringController {

    record Code(String code) {
    }

    record Confirm(Long volunteerId, Integer minutes) {
    }

    record Correction(Integer amount, String reason) {
    }

    record Restock(Integer items) {
    }

    /** What a volunteer sees of themself. */
    record Me(Volunteers.Volunteer volunteer, int balance, List<PointsLedger.Entry> entries,
              List<Activities.SignupView> signups, List<PointsLedger.Redemption> redemptions) {
    }

    private final Volunteers volunteers;
    private final Activities activities;
    private final PointsLedger ledger;
    private final VolunteeringReport report;
    private final CalendarService calendars;
    private final Clock clock;

    VolunteeringController(Volunteers volunteers, Activities activities, PointsLedger ledger, VolunteeringReport report,
                           CalendarService calendars, Clock clock) {
        this.volunteers = volunteers;
        this.activities = activities;
        this.ledger = ledger;
        this.report = report;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** A resident registers as a volunteer of their community; the answer names the volunteer number to sign in with. */
    @PostMapping("/api/public/volunteers")
    ResponseEntity<Volunteers.Volunteer> register(@RequestBody Volunteers.NewVolunteer form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(volunteers.register(form));
    }

    @PostMapping("/api/volunteering/merchants")
    ResponseEntity<Volunteers.Merchant> registerMerchant(@RequestBody Volunteers.NewMerchant form, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(volunteers.registerMerchant(form, me));
    }

    @GetMapping("/api/volunteering/me")
    Me me(StaffMember me) {
        Volunteers.Volunteer v = volunteers.requireVolunteer(me);
        return new Me(v, ledger.balance(v.id()), ledger.entries(v.id(), 100), activities.mySignups(me), ledger.redemptionsOf(v.id()));
    }

    @GetMapping("/api/volunteering/activities")
    List<Activities.ActivityView> activities(@RequestParam(required = false) String community,
                                             @RequestParam(defaultValue = "false") boolean upcoming) {
        return upcoming ? activities.upcoming(community) : activities.list(community, 200);
    }

    @PostMapping("/api/volunteering/activities")
    ResponseEntity<Activities.ActivityView> publish(@RequestBody Activities.NewActivity form, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(activities.publish(form, me));
    }

    @GetMapping("/api/volunteering/activities/{id}")
    Activities.ActivityView activity(@PathVariable long id) {
        return activities.view(id);
    }

    @GetMapping("/api/volunteering/activities/{id}/signups")
    List<Activities.SignupView> signups(@PathVariable long id, StaffMember me) {
        return activities.signupsOf(id, me);
    }

    @PostMapping("/api/volunteering/activities/{id}/sign-up")
    ResponseEntity<Activities.SignupView> signUp(@PathVariable long id, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(activities.signUp(id, me));
    }

    @PostMapping("/api/volunteering/activities/{id}/code")
    Activities.CheckCode newCode(@PathVariable long id, StaffMember me) {
        return activities.newCode(id, me);
    }

    @PostMapping("/api/volunteering/activities/{id}/check-in")
    Activities.SignupView checkIn(@PathVariable long id, @RequestBody(required = false) Code body, StaffMember me) {
        return activities.checkIn(id, body == null ? null : body.code(), me);
    }

    @PostMapping("/api/volunteering/activities/{id}/check-out")
    Activities.SignupView checkOut(@PathVariable long id, @RequestBody(required = false) Code body, StaffMember me) {
        return activities.checkOut(id, body == null ? null : body.code(), me);
    }

    @PostMapping("/api/volunteering/activities/{id}/confirm")
    Activities.SignupView confirm(@PathVariable long id, @RequestBody(required = false) Confirm body, StaffMember me) {
        if (body == null || body.volunteerId() == null) {
            throw ApiProblemException.invalid("volunteerId", "is required");
        }
        return activities.confirm(id, body.volunteerId(), body.minutes(), me);
    }

    @PostMapping("/api/volunteering/volunteers/{id}/corrections")
    ResponseEntity<PointsLedger.Entry> correct(@PathVariable long id, @RequestBody(required = false) Correction body,
                                               StaffMember me) {
        Correction c = body == null ? new Correction(null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.correct(id, c.amount(), c.reason(), me));
    }

    @GetMapping("/api/volunteering/rewards")
    List<PointsLedger.Reward> rewards() {
        return ledger.rewards(null);
    }

    @PostMapping("/api/volunteering/rewards")
    ResponseEntity<PointsLedger.Reward> publishReward(@RequestBody PointsLedger.NewReward form, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.publish(form, me));
    }

    @PostMapping("/api/volunteering/rewards/{id}/restock")
    PointsLedger.Reward restock(@PathVariable long id, @RequestBody(required = false) Restock body, StaffMember me) {
        return ledger.restock(id, body == null ? null : body.items(), me);
    }

    /** Redeems a reward; the same Idempotency-Key again answers 200 with the same redemption. */
    @PostMapping("/api/volunteering/rewards/{id}/redeem")
    ResponseEntity<PointsLedger.Redemption> redeem(@PathVariable long id, StaffMember me,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Instant before = clock.instant();
        PointsLedger.Redemption r = ledger.redeem(id, me, key);
        return ResponseEntity.status(ledger.madeAt(r, before) ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    @GetMapping("/api/volunteering/redemptions")
    List<PointsLedger.Redemption> redemptions(StaffMember me) {
        return ledger.redemptionsFor(me);
    }

    @PostMapping("/api/volunteering/redemptions/{code}/honour")
    PointsLedger.Redemption honour(@PathVariable String code, StaffMember me) {
        return ledger.honour(code, me);
    }

    /** A community's month of volunteering (this month unless {@code month} says). */
    @GetMapping("/api/volunteering/report")
    VolunteeringReport.Report report(@RequestParam String community, @RequestParam(required = false) String month,
                                     StaffMember me) {
        if (!volunteers.mayOrganise(me, community) && !me.is(org.onegrid.directory.Role.DISTRICT_LEADER)) {
            throw org.onegrid.errors.Refusal.notPermitted("the report is for the community's staff and leaders");
        }
        ZoneId zone = calendars.calendar().zone();
        YearMonth m = month == null ? YearMonth.from(clock.instant().atZone(zone)) : Validation.requireMonth("month", month);
        return report.of(community, m.atDay(1).atStartOfDay(zone).toInstant(), m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }
}
