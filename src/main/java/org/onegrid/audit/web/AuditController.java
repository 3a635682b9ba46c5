package org.onegrid.audit.web;

import java.util.List;
import org.onegrid.audit.AuditLog;
import org.onegrid.errors.Validation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for administrators; read only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit/changes")
    List<AuditLog.Entry> changes(@RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        return audit.recent(limit);
    }

    @GetMapping("/api/audit/personal-data-access")
    List<AuditLog.PersonalDataAccess> personalDataAccess(@RequestParam(required = false) Long caseId,
                                                         @RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        return audit.personalDataAccess(caseId, limit);
    }

    private static void checkLimit(int limit) {
        Validation v = new Validation();
        v.range("limit", limit, 1, 1000);
        v.throwIfInvalid();
    }
}
