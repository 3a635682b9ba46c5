package org.onegrid.cases.web;

import org.onegrid.cases.CaseService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For residents, without an account: where is my case? Rate-limited per address. */
@RestController
class PublicCaseController {

    private final CaseService cases;

    PublicCaseController(CaseService cases) {
        this.cases = cases;
    }

    /** {@code GET /api/public/cases/20261122-000401?phone=5678} */
    @GetMapping("/api/public/cases/{code}")
    CaseService.PublicStatus lookUp(@PathVariable String code, @RequestParam String phone) {
        return cases.lookUp(code, phone);
    }
}
