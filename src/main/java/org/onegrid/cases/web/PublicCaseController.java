package org.onegrid.cases.web;

import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.ResidentDesk;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For residents, without an account: where is my case? Rate-limited per address. */
@RestController
class PublicCaseController {

    private final ResidentDesk cases;

    PublicCaseController(ResidentDesk cases) {
        this.cases = cases;
    }

    /**
     * {@code POST /api/public/cases}: a resident's request (no account); answers 201 with the
     * tracking code. An Idempotency-Key makes a retry answer with the first case.
     */
    @PostMapping("/api/public/cases")
    org.springframework.http.ResponseEntity<ResidentDesk.PublicStatus> submit(
            @RequestBody ResidentDesk.ResidentReport report,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        CaseIntake.IntakeResult result = cases.receiveFromResident(report, key);
        ResidentDesk.PublicStatus status = cases.publicStatus(result.details().id());
        return org.springframework.http.ResponseEntity.status(result.replayed() ? 200 : 201).body(status);
    }

    /** The rating a resident gives: 1-5 stars and an optional note. */
    public record Rating(String phone, Integer stars, String note) {
    }

    /** {@code POST /api/public/cases/{code}/rating {"phone":"5678","stars":5}} */
    @PostMapping("/api/public/cases/{code}/rating")
    ResidentDesk.PublicStatus rate(@PathVariable String code, @RequestBody Rating rating) {
        return cases.rateByReporter(code, rating.phone(), rating.stars(), rating.note());
    }

    /** {@code GET /api/public/cases/20261122-000401?phone=5678} */
    @GetMapping("/api/public/cases/{code}")
    ResidentDesk.PublicStatus lookUp(@PathVariable String code, @RequestParam String phone) {
        return cases.lookUp(code, phone);
    }
}
