package org.onegrid.cases.web;

import java.util.Map;
import org.onegrid.cases.ReporterRetention;
import org.onegrid.directory.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the retention job now, for an administrator. */
@RestController
class RetentionController {

    private final ReporterRetention retention;

    RetentionController(ReporterRetention retention) {
        this.retention = retention;
    }

    @PostMapping("/api/admin/retention/run")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Integer> run(StaffMember admin) {
        return Map.of("anonymised", retention.run(admin.username()));
    }
}
