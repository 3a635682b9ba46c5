package org.onegrid.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * One node of the territory tree. Base grids carry a polygon; higher levels may.
 *
 * @param code       the node's code
 * @param name       the name people use
 * @param boundary   the area in WGS-84 longitude/latitude, or null
 * @param parentCode the node above it: its enclosing tier, or a grouping node within that tier
 * @param levelKey   its {@link TerritoryLevel}'s key
 */
public record GridNode(GridCode code, String name, Geometry boundary, String parentCode, String levelKey) {

    /** A tier's node, under its enclosing tier. */
    public GridNode(GridCode code, String name, Geometry boundary) {
        this(code, name, boundary, code.parent() == null ? null : code.parent().value(), code.level().name());
    }

    /** The tier the rules address this node as, or null for a grouping node. */
    public GridLevel level() {
        return code.level();
    }
}
