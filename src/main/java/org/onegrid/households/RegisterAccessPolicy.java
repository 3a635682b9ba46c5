package org.onegrid.households;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;

/**
 * Who reads and keeps the register of a base grid: its own team (whoever holds a post in the
 * grid: the grid worker, the grid leader, the police officer posted there...) and the staff of
 * its community's committee. Nobody else: not the street, not a district unit (they see what a
 * case shares with them), not an administrator, not a volunteer or merchant.
 */
final class RegisterAccessPolicy {

    /** The grids a staff member reads: whole communities (12-digit prefixes) and single base grids. */
    record Access(Set<String> communities, Set<String> grids) {

        static final Access NONE = new Access(Set.of(), Set.of());

        boolean reads(String gridCode) {
            return gridCode != null && (grids.contains(gridCode)
                    || gridCode.length() >= 12 && communities.contains(gridCode.substring(0, 12)));
        }

        boolean none() {
            return communities.isEmpty() && grids.isEmpty();
        }

        String[] communityArray() {
            return communities.toArray(String[]::new);
        }

        String[] gridArray() {
            return grids.toArray(String[]::new);
        }
    }

    private RegisterAccessPolicy() {
    }

    static Access of(StaffMember staff, Optional<Unit> unit, List<String> gridsPosted) {
        if (staff.role().resident() || staff.is(Role.ADMIN)) {
            return Access.NONE;
        }
        boolean committee = !staff.is(Role.GRID_WORKER) && unit.filter(u -> u.kind() == UnitKind.COMMUNITY_COMMITTEE
                && u.regionCode() != null && u.regionCode().length() == 12).isPresent();
        return new Access(committee ? Set.of(unit.get().regionCode()) : Set.of(), Set.copyOf(gridsPosted));
    }
}
