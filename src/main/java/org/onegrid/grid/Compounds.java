package org.onegrid.grid;

import java.util.List;
import java.util.Optional;
import org.onegrid.audit.AuditLog;
import org.onegrid.errors.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residential compounds (小区) and their buildings (楼栋), the optional places below a base grid.
 * A compound's code is its grid's code, a dash and two digits (320706001001001-01); a building's
 * is its compound's, a dash and two more (320706001001001-01-03). Each has a point, which must
 * lie in the compound's grid.
 */
@Service
public class Compounds {

    /** A compound (小区) with its point and its buildings. */
    public record Compound(String code, String gridCode, String name, double lat, double lng, List<Building> buildings) {
    }

    /** A building (楼栋) of a compound, with the number of its stairwell units (单元). */
    public record Building(String code, String compoundCode, String name, double lat, double lng, int unitCount) {
    }

    public record NewCompound(String code, String name, Double lat, Double lng) {
    }

    public record NewBuilding(String code, String name, Double lat, Double lng, Integer unitCount) {
    }

    private final JdbcClient jdbc;
    private final GridService grids;
    private final AuditLog audit;

    Compounds(JdbcClient jdbc, GridService grids, AuditLog audit) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
    }

    @Transactional
    public Compound saveCompound(NewCompound compound, String actor) {
        Validation v = new Validation();
        String code = v.requiredText("code", compound.code(), 40);
        String name = v.requiredText("name", compound.name(), Validation.MAX_NAME);
        String gridCode = code == null ? null : code.replaceFirst("-\\d{2}$", "");
        if (code != null && (!code.matches("\\d{14,16}-\\d{2}") || grids.node(gridCode).isEmpty())) {
            v.reject("code", "must be an existing base grid's code, a dash and two digits (320706001001001-01)");
        }
        requireInGrid(v, compound.lat(), compound.lng(), v.ok() ? gridCode : null);
        v.throwIfInvalid();
        jdbc.sql("""
                INSERT INTO compound (code, grid_code, name, lat, lng) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, lng = EXCLUDED.lng
                """).params(code, gridCode, name, compound.lat(), compound.lng()).update();
        audit.record(actor, "compound.save", "compound " + code, name);
        return compound(code).orElseThrow();
    }

    @Transactional
    public Building saveBuilding(NewBuilding building, String actor) {
        Validation v = new Validation();
        String code = v.requiredText("code", building.code(), 40);
        String name = v.requiredText("name", building.name(), Validation.MAX_NAME);
        String compoundCode = code == null ? null : code.replaceFirst("-\\d{2}$", "");
        Optional<Compound> compound = code != null && code.matches("\\d{14,16}-\\d{2}-\\d{2}")
                ? compound(compoundCode) : Optional.empty();
        if (code != null && compound.isEmpty()) {
            v.reject("code", "must be an existing compound's code, a dash and two digits (320706001001001-01-03)");
        }
        int units = building.unitCount() == null ? 1 : building.unitCount();
        v.range("unitCount", units, 1, 99);
        requireInGrid(v, building.lat(), building.lng(), compound.map(Compound::gridCode).orElse(null));
        v.throwIfInvalid();
        jdbc.sql("""
                INSERT INTO building (code, compound_code, name, lat, lng, unit_count) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
                    unit_count = EXCLUDED.unit_count
                """).params(code, compoundCode, name, building.lat(), building.lng(), units).update();
        audit.record(actor, "building.save", "building " + code, name);
        return new Building(code, compoundCode, name, building.lat(), building.lng(), units);
    }

    private void requireInGrid(Validation v, Double lat, Double lng, String gridCode) {
        v.required("lat", lat);
        v.required("lng", lng);
        if (lat == null || lng == null || gridCode == null) {
            return;
        }
        Optional<GridLocation> at = grids.locate(lat, lng);
        if (at.isEmpty() || !at.get().gridCode().equals(gridCode)) {
            v.reject("lat", "the point must lie in grid " + gridCode + (at.map(l -> ", not in " + l.gridName()).orElse("")));
        }
    }

    /** The base grid of a building, by the building's code (its compound's code, a dash and two digits), if there is one. */
    public Optional<String> gridOfBuilding(String buildingCode) {
        if (buildingCode == null || !buildingCode.contains("-")) {
            return Optional.empty();
        }
        return compound(buildingCode.substring(0, buildingCode.lastIndexOf('-')))
                .filter(c -> c.buildings().stream().anyMatch(b -> b.code().equals(buildingCode))).map(Compound::gridCode);
    }

    public Optional<Compound> compound(String code) {
        return list("c.code = ?", code).stream().findFirst();
    }

    /** The compounds of the grids whose codes start with {@code prefix} (a grid, a community, a street). */
    public List<Compound> under(String prefix) {
        return list("c.grid_code LIKE ?", prefix + "%");
    }

    private List<Compound> list(String where, String value) {
        List<Building> buildings = jdbc.sql("""
                SELECT b.code, b.compound_code, b.name, b.lat, b.lng, b.unit_count FROM building b
                JOIN compound c ON c.code = b.compound_code WHERE %s ORDER BY b.code""".formatted(where))
                .param(value)
                .query((rs, i) -> new Building(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getInt(6)))
                .list();
        return jdbc.sql("SELECT c.code, c.grid_code, c.name, c.lat, c.lng FROM compound c WHERE %s ORDER BY c.code"
                        .formatted(where))
                .param(value)
                .query((rs, i) -> {
                    String code = rs.getString(1);
                    return new Compound(code, rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                            buildings.stream().filter(b -> b.compoundCode().equals(code)).toList());
                })
                .list();
    }

    /** The point of a compound or building by its code, or empty. */
    public Optional<double[]> point(String placeCode) {
        return jdbc.sql("""
                SELECT lat, lng FROM compound WHERE code = :c UNION ALL SELECT lat, lng FROM building WHERE code = :c""")
                .param("c", placeCode).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .optional();
    }

}
