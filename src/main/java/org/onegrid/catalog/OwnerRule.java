package org.onegrid.catalog;

import org.onegrid.directory.UnitKind;

/**
 * Who owns a category at one level: a kind of unit and, for departments, its line of work.
 * Written {@code KIND} or {@code KIND:LINE}, e.g. {@code STREET_DEPARTMENT:URBAN_MANAGEMENT}.
 */
public record OwnerRule(UnitKind kind, String line) {

    public static OwnerRule parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split(":", 2);
        return new OwnerRule(UnitKind.valueOf(parts[0]), parts.length > 1 ? parts[1] : null);
    }

    @Override
    public String toString() {
        return line == null ? kind.name() : kind.name() + ":" + line;
    }
}
