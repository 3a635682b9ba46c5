package org.onegrid.volunteering;

import java.util.Optional;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;

/**
 * Who runs a community's volunteering: the staff of its community committee (activities, hours,
 * corrections, merchants), the street or town office above it, and administrators. Residents'
 * accounts never.
 */
final class OrganiserPolicy {

    private OrganiserPolicy() {
    }

    static boolean mayOrganise(StaffMember staff, Optional<Unit> unit, String communityCode) {
        if (staff.is(Role.ADMIN)) {
            return true;
        }
        if (!(staff.is(Role.UNIT_HANDLER) || staff.is(Role.UNIT_LEADER)) || unit.isEmpty() || communityCode == null) {
            return false;
        }
        Unit u = unit.get();
        return (u.kind() == UnitKind.COMMUNITY_COMMITTEE && communityCode.equals(u.regionCode()))
                || (u.kind() == UnitKind.STREET_OFFICE && u.regionCode() != null && communityCode.startsWith(u.regionCode()));
    }
}
