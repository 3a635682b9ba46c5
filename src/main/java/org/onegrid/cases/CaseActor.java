package org.onegrid.cases;

import java.util.Set;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;

/**
 * Who acts on a case: the staff member, for grid workers the grids they serve, and the grid
 * teams (units of kind GRID_TEAM) they are posts of.
 */
record CaseActor(StaffMember staff, Set<String> gridCodes, Set<Long> teamUnitIds) {

    public CaseActor {
        gridCodes = gridCodes == null ? Set.of() : Set.copyOf(gridCodes);
        teamUnitIds = teamUnitIds == null ? Set.of() : Set.copyOf(teamUnitIds);
    }

    CaseActor(StaffMember staff, Set<String> gridCodes) {
        this(staff, gridCodes, Set.of());
    }

    public Role role() {
        return staff.role();
    }

    public String username() {
        return staff.username();
    }

    /**
     * Whether the unit is theirs: a grid team they hold a post in, or the unit they belong to;
     * a grid worker, whose account a community committee holds, acts only for their grid teams.
     */
    public boolean worksFor(Long unitId) {
        boolean team = unitId != null && teamUnitIds.contains(unitId);
        return team || (role() != Role.GRID_WORKER && staff.worksFor(unitId));
    }
}
