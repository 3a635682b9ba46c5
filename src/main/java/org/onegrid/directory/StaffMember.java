package org.onegrid.directory;

/** A signed-in person: who they are, their role, and the unit they work for. */
public record StaffMember(long id, String username, String displayName, Role role, Long unitId)
        implements java.io.Serializable {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean worksFor(Long unit) {
        return unitId != null && unitId.equals(unit);
    }
}
