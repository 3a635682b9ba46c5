package org.onegrid.assessment;

/**
 * What figures are counted per: a unit, a base grid, a community or street (their base grids
 * added up), a category, or the whole district. Each is stored as one {@code figure_day}
 * dimension letter; communities and streets are prefixes of base-grid codes.
 */
public enum Dimension {
    UNIT("U", 0), GRID("G", 0), COMMUNITY("G", 12), STREET("G", 9), CATEGORY("C", 0), DISTRICT("T", 0);

    private final String stored;
    private final int prefixLength;

    Dimension(String stored, int prefixLength) {
        this.stored = stored;
        this.prefixLength = prefixLength;
    }

    /** The {@code figure_day.dimension} letter. */
    String stored() {
        return stored;
    }

    /** The SQL expression of the key: the stored key, or its community/street prefix. */
    String keyExpression() {
        return prefixLength == 0 ? "key" : "left(key, " + prefixLength + ")";
    }

    /** The key a base grid code counts under. */
    String keyOfGrid(String gridCode) {
        return prefixLength == 0 || gridCode.length() < prefixLength ? gridCode : gridCode.substring(0, prefixLength);
    }
}
