package org.onegrid.grid;

import java.util.List;

/** Where a point lies: its base grid and the path from the district down to it. */
public record GridLocation(String gridCode, String gridName, List<PathElement> path) {

    public record PathElement(String code, String name, GridLevel level) {
    }
}
