package org.onegrid.directory.web;

import java.util.List;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.GridAssignment;
import org.onegrid.directory.GridPost;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.errors.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Units, staff and grid teams over HTTP. Changes are for administrators. */
@RestController
class DirectoryController {

    record AssignmentRequest(Long staffId, String personName, GridPost post, String duty, String placeCode,
                             String contactPhone) {
    }

    private final DirectoryService directory;

    DirectoryController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping("/api/units")
    List<Unit> units() {
        return directory.units();
    }

    @GetMapping("/api/units/{id}")
    Unit unit(@PathVariable long id) {
        return directory.requireUnit(id);
    }

    @PostMapping("/api/units")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Unit> createUnit(@RequestBody DirectoryService.NewUnit unit, StaffMember admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.createUnit(unit, admin.username()));
    }

    @GetMapping("/api/staff")
    @PreAuthorize("hasRole('ADMIN')")
    List<StaffMember> staff() {
        return directory.staffList();
    }

    @PostMapping("/api/staff")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<StaffMember> createStaff(@RequestBody DirectoryService.NewStaff staff, StaffMember admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.createStaff(staff, admin.username()));
    }

    /** Who serves a grid; a grid worker sees this only for the grids they serve themselves. */
    @GetMapping("/api/grids/{code}/staff")
    List<GridAssignment> gridStaff(@PathVariable String code, StaffMember me) {
        if (me.is(Role.GRID_WORKER) && !directory.gridsOf(me.id()).contains(code)) {
            throw org.onegrid.errors.Refusal.notPermitted("grid workers see the staff of their own grids only");
        }
        return directory.assignments(code);
    }

    @PostMapping("/api/grids/{code}/staff")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<GridAssignment> assign(@PathVariable String code, @RequestBody AssignmentRequest request,
                                          StaffMember admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.assign(code, new DirectoryService.NewAssignment(
                request.staffId(), request.personName(), request.post(), request.duty(), request.placeCode(),
                request.contactPhone()), admin.username()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/grids/{code}/staff/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> unassign(@PathVariable String code, @PathVariable long id, StaffMember admin) {
        if (!directory.unassign(code, id, admin.username())) {
            throw ApiProblemException.notFound("grid post", id);
        }
        return ResponseEntity.noContent().build();
    }
}
