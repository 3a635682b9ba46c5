package org.onegrid.directory;

import java.util.Optional;

/**
 * Who runs a community's own affairs (its volunteering, its evening talks): the staff of its
 * community or village committee (居委会/村委会, the village secretary among them), the street or
 * town office above it, and administrators. Residents' accounts never.
 */
public final class CommunityOffice {

    private CommunityOffice() {
    }

    /** Whether {@code staff}, of {@code unit}, runs the affairs of community {@code communityCode}. */
    public static boolean runs(StaffMember staff, Optional<Unit> unit, String communityCode) {
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
