package org.onegrid.dispatch;

import java.util.Optional;
import org.onegrid.catalog.Category;
import org.onegrid.catalog.OwnerRule;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridLevel;
import org.springframework.stereotype.Component;

/**
 * Handle at the lowest level that can (属地管理、分级负责): the owner of a case is found at the
 * lowest level whose catalogue entry names an owner: the community committee of the case's
 * community, else the street department of the category's line in the case's street (or the
 * street office itself), else the district department of that line. The grid tree names the
 * concrete unit.
 */
@Component
public class OwnerRouting {

    /** The unit chosen and the rule that chose it, in words for the timeline. */
    public record Decision(Unit unit, GridLevel level, String explanation) {
    }

    private final DirectoryService directory;

    OwnerRouting(DirectoryService directory) {
        this.directory = directory;
    }

    public Optional<Decision> ownerFor(Category category, String gridCode) {
        if (category == null || gridCode == null || !GridCode.isValid(gridCode)) {
            return Optional.empty();
        }
        GridCode grid = new GridCode(gridCode);
        for (GridLevel level : new GridLevel[] {GridLevel.COMMUNITY, GridLevel.STREET, GridLevel.DISTRICT}) {
            OwnerRule rule = category.owners().get(level);
            if (rule == null) {
                continue;
            }
            String region = regionAt(grid, level);
            Optional<Unit> unit = directory.unitServing(region, rule.kind(), rule.line());
            if (unit.isEmpty() && rule.kind() == UnitKind.STREET_DEPARTMENT) {
                unit = directory.unitServing(region, UnitKind.STREET_OFFICE, null);
            }
            if (unit.isPresent()) {
                return Optional.of(new Decision(unit.get(), level, "category " + category.code() + " " + category.name()
                        + " is owned at " + level + " level by " + rule + "; in " + region + " that is " + unit.get().name()));
            }
        }
        return Optional.empty();
    }

    private static String regionAt(GridCode grid, GridLevel level) {
        String code = grid.value();
        return switch (level) {
            case DISTRICT -> code.substring(0, 6);
            case STREET -> code.substring(0, 9);
            case COMMUNITY, GRID -> code.substring(0, 12);
        };
    }
}
