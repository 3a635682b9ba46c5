package org.onegrid.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * One node of the territory tree. Base grids carry a polygon; higher levels may.
 *
 * @param code     the node's code; its level and parent follow from it
 * @param name     the name people use
 * @param boundary the area in WGS-84 longitude/latitude, or null
 */
public record GridNode(GridCode code, String name, Geometry boundary) {

    public GridLevel level() {
        return code.level();
    }

    public String parentCode() {
        GridCode parent = code.parent();
        return parent == null ? null : parent.value();
    }
}
