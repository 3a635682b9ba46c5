package org.onegrid.grid;

/**
 * A territory code in the layout of the national digital city-management standard:
 * 6-digit administrative division code (GB/T 2260), then 3 digits for the street or town,
 * 3 for the community or village, and 2 to 4 for the base grid. A tier follows from the length,
 * and a tier's enclosing tier is the code's prefix. A grouping node between tiers (a town's
 * 管区, see {@link TerritoryLevel}) has the enclosing tier's code and two digits: 8 or 11 digits.
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
        return n == 6 || n == 8 || n == 9 || n == 11 || n == 12 || (n >= 14 && n <= 16);
    }

    /** The tier this code names, or null for a grouping node between tiers. */
    public GridLevel level() {
        return switch (value.length()) {
            case 6 -> GridLevel.DISTRICT;
            case 9 -> GridLevel.STREET;
            case 12 -> GridLevel.COMMUNITY;
            case 8, 11 -> null;
            default -> GridLevel.GRID;
        };
    }

    /** Whether this is the code of a grouping node between tiers (8 or 11 digits). */
    public boolean grouping() {
        return level() == null;
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

    /**
     * The enclosing tier's code, or null for a district: the tier above a tier, or the tier a
     * grouping node lies in. A node's parent in the tree may instead be a grouping node; the
     * tree keeps that ({@link GridNode#parentCode()}).
     */
    public GridCode parent() {
        return switch (value.length()) {
            case 6 -> null;
            case 8, 9 -> new GridCode(value.substring(0, 6));
            case 11, 12 -> new GridCode(value.substring(0, 9));
            default -> new GridCode(value.substring(0, 12));
        };
    }

    /**
     * The code of the node at {@code level} that contains this one (itself at its own level):
     * for a base grid, its community, street or district.
     */
    public GridCode ancestorAt(GridLevel level) {
        if (level == level()) {
            return this;
        }
        if (level == GridLevel.GRID || lengthAt(level) >= value.length()) {
            throw new IllegalArgumentException(value + " has no " + level + " above it");
        }
        return new GridCode(value.substring(0, lengthAt(level)));
    }

    @Override
    public String toString() {
        return value;
    }
}
