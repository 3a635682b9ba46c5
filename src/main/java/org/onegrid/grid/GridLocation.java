package org.onegrid.grid;

import java.util.List;

/**
 * Where a point lies: its base grid and the path from the district down to it, each step with
 * its territory level's key (a grouping level such as 管区 included).
 */
public record GridLocation(String gridCode, String gridName, List<PathElement> path) {

    public record PathElement(String code, String name, String level) {
    }
}
