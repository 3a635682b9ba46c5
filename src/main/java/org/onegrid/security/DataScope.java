package org.onegrid.security;

import java.util.List;

/**
 * What part of the district's cases a user may read and act on: everything, or the cases
 * located under one of {@code gridPrefixes} (territory codes) or ever assigned to one of
 * {@code unitIds}. A case outside the scope does not exist for that user (404).
 */
public record DataScope(boolean all, List<String> gridPrefixes, List<Long> unitIds) {

    public static final DataScope ALL = new DataScope(true, List.of(), List.of());

    public DataScope {
        gridPrefixes = List.copyOf(gridPrefixes);
        unitIds = List.copyOf(unitIds);
    }

    public static DataScope of(List<String> gridPrefixes, List<Long> unitIds) {
        return new DataScope(false, gridPrefixes, unitIds);
    }
}
