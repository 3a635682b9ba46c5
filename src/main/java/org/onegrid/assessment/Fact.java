package org.onegrid.assessment;

import java.time.LocalDate;

/**
 * One change to one daily count: {@code amount} added to {@code measure} on {@code day}, for the
 * unit (if any), the base grid (if any), the category ({@code null}: none) and the district.
 */
record Fact(long caseId, Measure measure, LocalDate day, Long unitId, String gridCode, String categoryCode,
            long amount) {

    /**
     * {@link #countsFor} as SQL over {@code figure_fact}'s columns, with the key as {@code :key}
     * (a unit's id as a number): the drill-down's narrowing. Empty for the district.
     */
    static String countsForSql(Dimension dimension) {
        return switch (dimension) {
            case DISTRICT -> "";
            case UNIT -> " AND unit_id = :key";
            case CATEGORY -> " AND coalesce(category_code, '') = :key";
            case GRID, COMMUNITY, STREET -> " AND " + dimension.keyExpression("grid_code") + " = :key";
        };
    }

    /** Whether this fact counts for the given dimension and key. */
    boolean countsFor(Dimension dimension, String key) {
        return switch (dimension) {
            case DISTRICT -> true;
            case UNIT -> unitId != null && String.valueOf(unitId).equals(key);
            case CATEGORY -> (categoryCode == null ? "" : categoryCode).equals(key);
            case GRID, COMMUNITY, STREET -> gridCode != null && dimension.keyOfGrid(gridCode).equals(key);
        };
    }
}
