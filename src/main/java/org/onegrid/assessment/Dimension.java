package org.onegrid.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridLevel;

/**
 * What figures are counted per: a unit, a base grid, a community or street (their base grids
 * added up), a category, or the whole district. Each is stored as one {@code figure_day}
 * dimension letter; a community's or street's key is the prefix of its base grids' codes.
 */
public enum Dimension {
    UNIT("U", null), GRID("G", null), COMMUNITY("G", GridLevel.COMMUNITY), STREET("G", GridLevel.STREET),
    CATEGORY("C", null), DISTRICT("T", null);

    /** The dimensions ranked month by month, in the order the pages and the monthly report show them. */
    public static final List<Dimension> RANKED = List.of(UNIT, STREET, COMMUNITY, GRID, CATEGORY);

    private final String stored;
    /** For a community or street: the level whose code prefix of a base grid's code is the key. */
    private final GridLevel gridLevel;

    Dimension(String stored, GridLevel gridLevel) {
        this.stored = stored;
        this.gridLevel = gridLevel;
    }

    /** The dimension of a name in any case ({@code unit}, {@code STREET}), if it is one. */
    public static Optional<Dimension> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    /** The names in the API's spelling, for error messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** The {@code figure_day.dimension} letter. */
    String stored() {
        return stored;
    }

    /** The SQL expression of the key of a {@code figure_day} row: the stored key, or its community/street prefix. */
    String keyExpression() {
        return keyExpression("key");
    }

    /** The same of a base grid code in {@code column}. */
    String keyExpression(String column) {
        return gridLevel == null ? column : "left(" + column + ", " + GridCode.lengthAt(gridLevel) + ")";
    }

    /** The key a base grid code counts under. */
    String keyOfGrid(String gridCode) {
        return gridLevel == null || !GridCode.isValid(gridCode) ? gridCode
                : new GridCode(gridCode).ancestorAt(gridLevel).value();
    }
}
