package org.onegrid.dispatch;

import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.cases.OwnerAdvisor;
import org.onegrid.catalog.Category;
import org.onegrid.catalog.OwnerRule;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Handle at the lowest level that can (属地管理、分级负责): the owner of a case is found at the
 * lowest level whose catalogue entry names an owner: the team of the case's base grid (for the
 * small matters a grid settles itself; a grid without a team passes them to its community), the
 * community committee of the case's
 * community, else the street department of the category's line in the case's street (or the
 * street office itself when the street has no such department), else the district department
 * of that line. The grid tree names the concrete unit; the explanation says which rule and
 * which inputs chose it. A rule saved by an arbitrator for a category in a community comes first.
 */
@Component
public class OwnerRouting implements OwnerAdvisor {

    private static final List<GridLevel> LEVELS = List.of(GridLevel.GRID, GridLevel.COMMUNITY, GridLevel.STREET,
            GridLevel.DISTRICT);

    private final DirectoryService directory;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    OwnerRouting(DirectoryService directory, JdbcClient jdbc, AuditLog audit) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A rule an arbitrator saved wins over the catalogue: the most specific territory first. */
    @Override
    public Optional<Advice> ownerFor(Category category, String gridCode) {
        if (category != null && gridCode != null && GridCode.isValid(gridCode)) {
            Optional<Advice> learned = jdbc.sql("""
                    SELECT unit_id, region_code FROM routing_rule WHERE category_code = ? AND ? LIKE region_code || '%'
                    ORDER BY length(region_code) DESC LIMIT 1
                    """).params(category.code(), gridCode)
                    .query((rs, i) -> {
                        String region = rs.getString(2);
                        return directory.unit(rs.getLong(1)).map(u -> new Advice(u.id(), u.name(), u.kind().level(),
                                "routing rule from arbitration: category " + category.code() + " in " + region
                                        + " goes to " + u.name()));
                    })
                    .optional().flatMap(a -> a);
            if (learned.isPresent()) {
                return learned;
            }
        }
        return search(category, gridCode, 0);
    }

    @Override
    public void learn(String categoryCode, String gridCode, long unitId, String actor) {
        String community = new GridCode(gridCode).ancestorAt(GridLevel.COMMUNITY).value();
        jdbc.sql("""
                INSERT INTO routing_rule (category_code, region_code, unit_id, created_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (category_code, region_code) DO UPDATE SET unit_id = EXCLUDED.unit_id,
                    created_by = EXCLUDED.created_by, created_at = now()
                """).params(categoryCode, community, unitId, actor).update();
        audit.record(actor, "routing.rule.save", "routing " + categoryCode + " in " + community, "to unit " + unitId);
    }

    @Override
    public Optional<Advice> ownerAbove(Category category, String gridCode, GridLevel level) {
        int from = LEVELS.indexOf(level);
        return from < 0 ? Optional.empty() : search(category, gridCode, from + 1);
    }

    private Optional<Advice> search(Category category, String gridCode, int fromLevel) {
        if (category == null || gridCode == null || !GridCode.isValid(gridCode)) {
            return Optional.empty();
        }
        GridCode grid = new GridCode(gridCode);
        for (GridLevel level : LEVELS.subList(Math.min(fromLevel, LEVELS.size()), LEVELS.size())) {
            OwnerRule rule = category.owners().get(level);
            if (rule == null) {
                continue;
            }
            String region = grid.ancestorAt(level).value();
            Optional<Unit> unit = directory.unitServing(region, rule.kind(), rule.line());
            if (unit.isEmpty() && rule.kind() == UnitKind.STREET_DEPARTMENT) {
                unit = directory.unitServing(region, UnitKind.STREET_OFFICE, null);
            }
            if (unit.isPresent()) {
                return Optional.of(new Advice(unit.get().id(), unit.get().name(), level, "routing: category "
                        + category.code() + " " + category.name() + " is owned at " + level + " level by " + rule
                        + "; grid " + gridCode + " lies in " + region + ", served by " + unit.get().name()));
            }
        }
        return Optional.empty();
    }
}
