package org.onegrid.cases;

import java.time.Instant;

/**
 * What to list: any of state, owning unit, grid (a code prefix, so a street or community
 * code selects everything under it), category (a code prefix), received between from
 * (inclusive) and to (exclusive), overdue or not; and which page.
 */
public record CaseFilter(CaseState state, Long unitId, String gridCode, String categoryCode, Instant from, Instant to,
                         Boolean overdue, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;

    /** A blank grid or category code (an empty form field) selects everything, as none does. */
    public CaseFilter {
        gridCode = gridCode == null || gridCode.isBlank() ? null : gridCode.strip();
        categoryCode = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip();
    }
}
