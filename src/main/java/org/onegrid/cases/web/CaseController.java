package org.onegrid.cases.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.onegrid.cases.ActionRequest;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseSearch;
import org.onegrid.cases.ArbitrationDesk;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseTransitions;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.GridDesk;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.NewCase;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases over HTTP: intake, reading, listing and transitions. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseIntake intake;
    private final CaseViews cases;
    private final CaseTransitions transitions;
    private final ArbitrationDesk arbitration;
    private final GridDesk gridDesk;

    CaseController(CaseIntake intake, CaseViews cases, CaseTransitions transitions, ArbitrationDesk arbitration,
                   GridDesk gridDesk) {
        this.gridDesk = gridDesk;
        this.intake = intake;
        this.cases = cases;
        this.transitions = transitions;
        this.arbitration = arbitration;
    }

    /** Records a case; with an Idempotency-Key, a retry returns the case the first call made. */
    @PostMapping
    ResponseEntity<CaseDetails> receive(@RequestBody NewCase request, StaffMember actor,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return created(intake.receive(request, actor, key));
    }

    /**
     * 随手办: a grid worker reports a small matter of their grid and settles it in the same call;
     * the case is then RESOLVED, with the grid's team as its owner, for the usual check and rating.
     */
    @PostMapping("/on-the-spot")
    ResponseEntity<CaseDetails> settleOnTheSpot(@RequestBody GridDesk.OnTheSpot matter, StaffMember actor,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return created(gridDesk.settleOnTheSpot(matter, actor, key));
    }

    private static ResponseEntity<CaseDetails> created(CaseIntake.IntakeResult result) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + result.details().id()))
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(result.details());
    }

    /** The arbitration queue (无头事项): cases waiting for the command centre to name their owner. */
    @GetMapping("/arbitration")
    List<CaseDetails> arbitrationQueue(StaffMember viewer) {
        return arbitration.queue(viewer);
    }

    /** Co-handlers' report-ins past their deadline (吹哨报到 overdue), the oldest first. */
    @GetMapping("/overdue-report-ins")
    List<CaseViews.OverdueReportIn> overdueReportIns(StaffMember viewer) {
        return cases.overdueReportIns(viewer);
    }

    @GetMapping("/{id}")
    CaseDetails get(@PathVariable long id, StaffMember viewer) {
        return cases.get(id, viewer);
    }

    record RevealRequest(String purpose) {
    }

    /** The reporter's personal data unmasked, for a stated purpose; logged with who, whose, when and why. */
    @PostMapping("/{id}/reveal-reporter")
    CaseViews.Reporter revealReporter(@PathVariable long id, @RequestBody RevealRequest request, StaffMember viewer) {
        return cases.revealReporter(id, request.purpose(), viewer);
    }

    @GetMapping
    CaseViews.CaseList list(@RequestParam(required = false) CaseState state,
                  @RequestParam(required = false) Long unitId,
                  @RequestParam(required = false) String gridCode,
                  @RequestParam(required = false) String categoryCode,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                  @RequestParam(required = false) Boolean overdue,
                  @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size,
                  StaffMember viewer) {
        Validation v = new Validation();
        v.range("page", page, 0, 1_000_000);
        v.range("size", size, 1, CaseFilter.MAX_PAGE_SIZE);
        v.optionalText("gridCode", gridCode, 16);
        v.optionalText("categoryCode", categoryCode, 20);
        String search = v.optionalText("q", q, CaseSearch.MAX_LENGTH);
        v.moment("from", instant(from));
        v.moment("to", instant(to));
        if (from != null && to != null && !to.isAfter(from)) {
            v.reject("to", "must be after from");
        }
        v.throwIfInvalid();
        return cases.list(new CaseFilter(state, unitId, gridCode, categoryCode,
                instant(from), instant(to), overdue, page, size, CaseSearch.parse(search)), viewer);
    }

    /** POST /api/cases/{id}/dispatch, /accept, /return, ... with a JSON body where the action needs one. */
    @PostMapping("/{id}/{action}")
    CaseDetails act(@PathVariable long id, @PathVariable String action,
                    @RequestBody(required = false) ActionRequest body, StaffMember actor) {
        CaseAction caseAction = CaseAction.fromPath(action).orElseThrow(() -> ApiProblemException.invalid("action",
                "unknown action '" + (action.length() > 40 ? action.substring(0, 40) : action) + "'; one of "
                        + List.of("dispatch", "accept", "return", "resolve", "verify", "rate", "close", "void",
                        "escalate", "request-extension", "approve-extension", "urge", "arbitrate", "whistle", "report-in", "merge", "categorise")));
        return transitions.perform(id, caseAction, body, actor);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
