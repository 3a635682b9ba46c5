package org.onegrid.cases;

import java.time.Instant;

/**
 * What to list: any of state, owning unit, grid (a code prefix, so a street or community
 * code selects everything under it), category (a code prefix), received between from
 * (inclusive) and to (exclusive), overdue or not, a search ({@link CaseSearch}: code, phone or
 * words); and which page.
 */
public record CaseFilter(CaseState state, Long unitId, String gridCode, String categoryCode, Instant from, Instant to,
                         Boolean overdue, int page, int size, CaseSearch search) {

    public static final int MAX_PAGE_SIZE = 200;

    /** Without a search. */
    public CaseFilter(CaseState state, Long unitId, String gridCode, String categoryCode, Instant from, Instant to,
                      Boolean overdue, int page, int size) {
        this(state, unitId, gridCode, categoryCode, from, to, overdue, page, size, null);
    }

    /** The same filter with {@code changed} as its search. */
    CaseFilter withSearch(CaseSearch changed) {
        return new CaseFilter(state, unitId, gridCode, categoryCode, from, to, overdue, page, size, changed);
    }

    /** A blank grid or category code (an empty form field) selects everything, as none does. */
    public CaseFilter {
        gridCode = gridCode == null || gridCode.isBlank() ? null : gridCode.strip();
        categoryCode = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip();
    }
}
