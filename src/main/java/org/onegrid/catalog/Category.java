package org.onegrid.catalog;

import java.util.Map;
import org.onegrid.calendar.TimeLimit;
import org.onegrid.grid.GridLevel;

/**
 * A matter category (事项): a node of the catalogue tree. Leaves carry the rules; groups only
 * a name and their line of work.
 *
 * @param code                 stable code; a child's code starts with its parent's
 * @param parentCode           the group it belongs to, or null
 * @param name                 Chinese name
 * @param nameEn               English name
 * @param line                 line of work (URBAN_MANAGEMENT, ENVIRONMENT, ...)
 * @param owners               who owns it at the GRID (the base grid's team: 小事不出格), COMMUNITY,
 *                             STREET and DISTRICT level; a missing level has no owner
 * @param limit                handling time limit once a unit signs for it; null for groups
 * @param urgency              how urgent
 * @param verificationRequired whether a result must be verified on site before the rating call
 */
public record Category(String code, String parentCode, String name, String nameEn, String line,
                       Map<GridLevel, OwnerRule> owners, TimeLimit limit, Urgency urgency, boolean verificationRequired) {

    public Category {
        owners = owners == null ? Map.of() : Map.copyOf(owners);
    }

    public boolean isLeaf() {
        return limit != null;
    }

    /** The lowest level that can handle this matter: the base grid, community, street, then district. */
    public GridLevel lowestOwnerLevel() {
        for (GridLevel level : new GridLevel[] {GridLevel.GRID, GridLevel.COMMUNITY, GridLevel.STREET, GridLevel.DISTRICT}) {
            if (owners.containsKey(level)) {
                return level;
            }
        }
        return null;
    }

    /** Whether a base grid's own team settles this matter (小事不出格). */
    public boolean gridOwned() {
        return owners.containsKey(GridLevel.GRID);
    }
}
