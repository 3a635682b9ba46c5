package org.onegrid.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * A territory code in the layout of the national digital city-management standard:
 * 6-digit administrative division code (GB/T 2260), then 3 digits for the street or town,
 * 3 for the community or village, and 2 to 4 for the base grid. The level follows from the
 * length, and a node's parent is the code's prefix.
 */
public record GridCode(String value) {

    public GridCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a grid code: " + value);
        }
    }

    public static boolean isValid(String value) {
        if (value == null || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int n = value.length();
        return n == 6 || n == 9 || n == 12 || (n >= 14 && n <= 16);
    }

    public GridLevel level() {
        return switch (value.length()) {
            case 6 -> GridLevel.DISTRICT;
            case 9 -> GridLevel.STREET;
            case 12 -> GridLevel.COMMUNITY;
            default -> GridLevel.GRID;
        };
    }

    /**
     * The length of the codes of a district (6), street (9) or community (12): the prefix of a
     * base grid's code that names its node at that level.
     */
    public static int lengthAt(GridLevel level) {
        return switch (level) {
            case DISTRICT -> 6;
            case STREET -> 9;
            case COMMUNITY -> 12;
            case GRID -> throw new IllegalArgumentException("base grid codes have 14 to 16 digits");
        };
    }

    /** The enclosing node's code, or null for a district. */
    public GridCode parent() {
        return switch (level()) {
            case DISTRICT -> null;
            case STREET -> new GridCode(value.substring(0, lengthAt(GridLevel.DISTRICT)));
            case COMMUNITY -> new GridCode(value.substring(0, lengthAt(GridLevel.STREET)));
            case GRID -> new GridCode(value.substring(0, lengthAt(GridLevel.COMMUNITY)));
        };
    }

    /**
     * The code of the node at {@code level} that contains this one (itself at its own level):
     * for a base grid, its community, street or district.
     */
    public GridCode ancestorAt(GridLevel level) {
        if (level.ordinal() > level().ordinal()) {
            throw new IllegalArgumentException(value + " has no " + level + " below it");
        }
        GridCode c = this;
        while (c.level() != level) {
            c = c.parent();
        }
        return c;
    }

    /** From the district down to this node. */
    public List<GridCode> path() {
        List<GridCode> path = new ArrayList<>();
        for (GridCode c = this; c != null; c = c.parent()) {
            path.add(0, c);
        }
        return path;
    }

    @Override
    public String toString() {
        return value;
    }
}
