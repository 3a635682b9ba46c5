package org.onegrid.dispatch.web;

import java.util.List;
import org.onegrid.directory.StaffMember;
import org.onegrid.dispatch.DuplicateDetection;
import org.onegrid.dispatch.DuplicatePolicy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Likely duplicates of a case, and the per-category windows that find them. */
@RestController
class DuplicateController {

    record WindowRequest(Integer radiusMeters, Integer windowHours) {
    }

    private final DuplicateDetection duplicates;

    DuplicateController(DuplicateDetection duplicates) {
        this.duplicates = duplicates;
    }

    /** Merge one with {@code POST /api/cases/{id}/merge {"intoCaseId": ...}}. */
    @GetMapping("/api/cases/{id}/duplicates")
    List<DuplicateDetection.Candidate> candidates(@PathVariable long id, StaffMember viewer) {
        return duplicates.candidates(id, viewer);
    }

    @PutMapping("/api/dispatch/duplicate-windows/{categoryCode}")
    @PreAuthorize("hasRole('ADMIN')")
    DuplicatePolicy.Window setWindow(@PathVariable String categoryCode, @RequestBody WindowRequest request, StaffMember admin) {
        return duplicates.setWindow(categoryCode, request.radiusMeters(), request.windowHours(), admin.username());
    }
}
