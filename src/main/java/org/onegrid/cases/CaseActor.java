package org.onegrid.cases;

import java.util.Set;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;

/** Who acts on a case: the staff member and, for grid workers, the grids they serve. */
record CaseActor(StaffMember staff, Set<String> gridCodes) {

    public CaseActor {
        gridCodes = gridCodes == null ? Set.of() : Set.copyOf(gridCodes);
    }

    public Role role() {
        return staff.role();
    }

    public String username() {
        return staff.username();
    }
}
