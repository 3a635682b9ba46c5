package org.onegrid.gridwork.web;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseIntake;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.grid.Compounds;
import org.onegrid.gridwork.DutyRota;
import org.onegrid.gridwork.GridTeams;
import org.onegrid.gridwork.Inspections;
import org.onegrid.gridwork.Patrols;
import org.onegrid.gridwork.Scorecards;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grid work over HTTP: compounds, patrols, inspections, cadres' duty shifts, scorecards, a grid's public team. */
@RestController
class GridWorkController {

    record Track(List<Patrols.Position> positions) {
    }

    record EndPatrol(String summary) {
    }

    record ShiftLog(String log) {
    }

    private final Compounds compounds;
    private final Patrols patrols;
    private final Inspections inspections;
    private final DutyRota duty;
    private final Scorecards scorecards;
    private final GridTeams teams;

    GridWorkController(Compounds compounds, Patrols patrols, Inspections inspections, DutyRota duty, Scorecards scorecards,
                       GridTeams teams) {
        this.compounds = compounds;
        this.patrols = patrols;
        this.inspections = inspections;
        this.duty = duty;
        this.scorecards = scorecards;
        this.teams = teams;
    }

    // Compounds and buildings

    @GetMapping("/api/compounds")
    List<Compounds.Compound> compounds(@RequestParam(defaultValue = "") String under) {
        return compounds.under(under);
    }

    @PostMapping("/api/compounds")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Compounds.Compound> saveCompound(@RequestBody Compounds.NewCompound body, StaffMember admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(compounds.saveCompound(body, admin.username()));
    }

    @PostMapping("/api/buildings")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Compounds.Building> saveBuilding(@RequestBody Compounds.NewBuilding body, StaffMember admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(compounds.saveBuilding(body, admin.username()));
    }

    // Patrols

    @PostMapping("/api/patrols")
    ResponseEntity<Patrols.PatrolView> startPatrol(@RequestBody(required = false) Patrols.Position from, StaffMember me,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Patrols.PatrolView patrol = patrols.start(from, me, key);
        return ResponseEntity.created(URI.create("/api/patrols/" + patrol.id())).body(patrol);
    }

    @GetMapping("/api/patrols/open")
    ResponseEntity<Patrols.PatrolView> openPatrol(StaffMember me) {
        return patrols.open(me).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/patrols/{id}")
    Patrols.PatrolView patrol(@PathVariable long id, StaffMember me) {
        return patrols.get(id, me);
    }

    @PostMapping("/api/patrols/{id}/track")
    Patrols.PatrolView track(@PathVariable long id, @RequestBody(required = false) Track body, StaffMember me) {
        return patrols.track(id, body == null ? null : body.positions(), me);
    }

    @PostMapping("/api/patrols/{id}/findings")
    ResponseEntity<CaseDetails> find(@PathVariable long id, @RequestBody(required = false) Patrols.NewFinding body,
                                     StaffMember me, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        CaseIntake.IntakeResult result = patrols.find(id, body, me, key);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/cases/" + result.details().id()))
                .header("Idempotent-Replayed", Boolean.toString(result.replayed())).body(result.details());
    }

    @PostMapping("/api/patrols/{id}/end")
    Patrols.PatrolView endPatrol(@PathVariable long id, @RequestBody(required = false) EndPatrol body, StaffMember me) {
        return patrols.end(id, body == null ? null : body.summary(), me);
    }

    // Inspections

    @GetMapping("/api/checklists")
    List<Inspections.Checklist> checklists() {
        return inspections.checklists();
    }

    @PostMapping("/api/checklists")
    ResponseEntity<Inspections.Checklist> defineChecklist(@RequestBody Inspections.NewChecklist body, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(inspections.defineChecklist(body, me));
    }

    @PostMapping("/api/inspections")
    ResponseEntity<Inspections.Inspection> inspect(@RequestBody Inspections.NewInspection body, StaffMember me,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Inspections.Inspection done = inspections.inspect(body, me, key);
        return ResponseEntity.created(URI.create("/api/inspections/" + done.id())).body(done);
    }

    @GetMapping("/api/inspections/{id}")
    Inspections.Inspection inspection(@PathVariable long id) {
        return inspections.get(id);
    }

    // Cadres in compounds and their duty shifts

    @PostMapping("/api/cadre-postings")
    ResponseEntity<DutyRota.Posting> post(@RequestBody DutyRota.NewPosting body, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(duty.post(body, me));
    }

    @GetMapping("/api/cadre-postings")
    List<DutyRota.Posting> postings(@RequestParam(defaultValue = "") String place, @RequestParam(required = false) Long unitId) {
        return duty.postings(place, unitId);
    }

    @PostMapping("/api/cadre-postings/{id}/shifts")
    ResponseEntity<DutyRota.Shift> addShift(@PathVariable long id, @RequestBody DutyRota.NewShift body, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(duty.addShift(id, body, me));
    }

    @GetMapping("/api/duty-shifts/mine")
    List<DutyRota.Shift> myShifts(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to, StaffMember me) {
        return duty.shiftsOf(me.id(), from, to);
    }

    @PostMapping("/api/duty-shifts/{id}/check-in")
    DutyRota.Shift checkIn(@PathVariable long id, @RequestBody(required = false) DutyRota.CheckIn body, StaffMember me) {
        return duty.checkIn(id, body, me);
    }

    @PostMapping("/api/duty-shifts/{id}/log")
    DutyRota.Shift log(@PathVariable long id, @RequestBody(required = false) ShiftLog body, StaffMember me) {
        return duty.log(id, body == null ? null : body.log(), me);
    }

    @GetMapping("/api/duty/counts")
    DutyRota.Counts dutyCounts(@RequestParam String month, StaffMember me) {
        return duty.counts(month(month));
    }

    // Scorecards

    @GetMapping("/api/scorecards/{username}")
    Scorecards.Scorecard scorecard(@PathVariable String username, @RequestParam String month, StaffMember me) {
        return scorecards.of(username, month(month), me);
    }

    @GetMapping("/api/scorecards")
    List<Scorecards.Ranked> ranking(@RequestParam String street, @RequestParam String month) {
        return scorecards.ranking(street, month(month));
    }

    // A grid's team, for residents

    @GetMapping("/api/public/grids/{code}/team")
    GridTeams.PublicTeam publicTeam(@PathVariable String code) {
        return teams.publicTeam(code);
    }

    @GetMapping("/api/public/grid-team")
    GridTeams.PublicTeam publicTeamAt(@RequestParam double lat, @RequestParam double lng) {
        return teams.publicTeamAt(lat, lng).orElseThrow(() -> ApiProblemException.notFound("base grid at", lat + "," + lng));
    }

    static YearMonth month(String month) {
        return org.onegrid.errors.Validation.requireMonth("month", month);
    }
}
