package org.onegrid.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.onegrid.audit.AuditLog;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The territory tree: reading nodes, locating points, importing and exporting GeoJSON.
 * The tree is small (a district has hundreds to a few thousand nodes) and read on every intake,
 * so it is held in memory and rebuilt after each import.
 */
@Service
public class GridService {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final TerritoryLevels levels;
    private volatile Map<String, GridNode> nodes = Map.of();
    private volatile GridIndex index = new GridIndex(List.of());

    private final org.onegrid.platform.SharedChanges shared;

    GridService(JdbcClient jdbc, ObjectMapper json, AuditLog audit, TerritoryLevels levels,
                org.onegrid.platform.SharedChanges shared) {
        this.shared = shared;
        shared.onChange("grid", this::reload);
        this.audit = audit;
        this.levels = levels;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Loads the tree from the database; call after start-up migrations and after imports. */
    public synchronized void reload() {
        levels.reload();
        List<GridNode> loaded = jdbc.sql("SELECT code, name, boundary::text, parent_code, level FROM grid_node ORDER BY code")
                .query((rs, i) -> new GridNode(new GridCode(rs.getString(1)), rs.getString(2), parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list();
        Map<String, GridNode> byCode = loaded.stream()
                .collect(Collectors.toMap(n -> n.code().value(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.nodes = byCode;
        this.index = new GridIndex(loaded.stream().filter(n -> n.level() == GridLevel.GRID).toList());
    }

    public Optional<GridNode> node(String code) {
        return Optional.ofNullable(nodes.get(code));
    }

    public GridNode require(String code) {
        return node(code).orElseThrow(() -> ApiProblemException.notFound("grid", code));
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Nodes of one tier, or all when level is null; below {@code parentCode} when given. */
    public List<GridNode> list(GridLevel level, String parentCode) {
        return nodes.values().stream()
                .filter(n -> level == null || n.level() == level)
                .filter(n -> parentCode == null || isBelow(n, parentCode))
                .toList();
    }

    /** Nodes of the territory level {@code levelKey}, or all when null; below {@code parentCode} when given. */
    public List<GridNode> listAt(String levelKey, String parentCode) {
        return nodes.values().stream()
                .filter(n -> levelKey == null || n.levelKey().equals(levelKey))
                .filter(n -> parentCode == null || isBelow(n, parentCode))
                .toList();
    }

    /** The nodes directly below {@code code} in the tree. */
    public List<GridNode> children(String code) {
        return nodes.values().stream().filter(n -> code.equals(n.parentCode())).toList();
    }

    /** Whether {@code node} lies somewhere below the node {@code ancestorCode}. */
    public boolean isBelow(GridNode node, String ancestorCode) {
        for (String p = node.parentCode(); p != null; ) {
            if (p.equals(ancestorCode)) {
                return true;
            }
            GridNode above = nodes.get(p);
            p = above == null ? null : above.parentCode();
        }
        return false;
    }

    /** From the district down to the node {@code code}, through any grouping nodes. */
    public List<GridNode> path(String code) {
        List<GridNode> path = new ArrayList<>();
        for (GridNode n = nodes.get(code); n != null; n = n.parentCode() == null ? null : nodes.get(n.parentCode())) {
            path.add(0, n);
        }
        return path;
    }

    /**
     * A point {lat, lng} inside a node's area (inside its first base grid when it has no outline
     * of its own), for what is located by the place it concerns: a village's matter.
     */
    public Optional<double[]> pointWithin(String code) {
        Optional<GridNode> node = node(code);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get().boundary() != null && !node.get().boundary().isEmpty()) {
            org.locationtech.jts.geom.Point p = node.get().boundary().getInteriorPoint();
            return Optional.of(new double[] {p.getY(), p.getX()});
        }
        return children(code).stream().map(child -> pointWithin(child.code().value())).flatMap(Optional::stream).findFirst();
    }

    /** The base grid under a point, with its path, or empty when no grid covers the point. */
    public Optional<GridLocation> locate(double lat, double lng) {
        return index.locate(lat, lng).map(this::location);
    }

    public GridLocation location(String gridCode) {
        GridNode grid = require(gridCode);
        List<GridLocation.PathElement> path = path(gridCode).stream()
                .map(n -> new GridLocation.PathElement(n.code().value(), n.name(), n.levelKey()))
                .toList();
        return new GridLocation(grid.code().value(), grid.name(), path);
    }

    /** Adds or replaces nodes; parents must exist already or come in the same call. */
    @Transactional
    public int save(List<GridNode> incoming, String actor) {
        List<GridNode> sorted = new ArrayList<>(incoming);
        // shorter codes first: a grouping node (8 or 11 digits) before the nodes it holds
        sorted.sort(Comparator.comparing(n -> n.code().value().length()));
        Map<String, GridNode> known = new LinkedHashMap<>(nodes);
        Validation v = new Validation();
        for (GridNode node : sorted) {
            TreePlacementPolicy.refusal(node, levels.find(node.levelKey()).orElse(null), known)
                    .ifPresent(reason -> v.reject("features[code=" + node.code() + "]", reason));
            if (node.level() == GridLevel.GRID && node.boundary() == null) {
                v.reject("features[code=" + node.code() + "].geometry", "a base grid needs a polygon");
            }
            known.put(node.code().value(), node);
        }
        v.throwIfInvalid();
        for (GridNode node : sorted) {
            jdbc.sql("""
                    INSERT INTO grid_node (code, parent_code, level, name, boundary) VALUES (?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, boundary = EXCLUDED.boundary,
                        parent_code = EXCLUDED.parent_code, level = EXCLUDED.level
                    """)
                    .params(node.code().value(), node.parentCode(), node.levelKey(), node.name(),
                            node.boundary() == null ? null : GeoJson.write(node.boundary()).toString())
                    .update();
        }
        audit.record(actor, "grid.save", "grid tree", sorted.size() + " nodes added or replaced");
        reload();
        shared.changed("grid");
        return sorted.size();
    }

    /**
     * Imports a GeoJSON FeatureCollection whose features carry {@code properties.code} and
     * {@code properties.name}; base grids need a Polygon or MultiPolygon geometry. A feature may
     * name its {@code level} (a territory level's key; a grouping node must when several grouping
     * levels share its code's length) and its {@code parentCode} (a grouping node within its tier).
     */
    public int importGeoJson(JsonNode collection, String actor) {
        Validation v = new Validation();
        if (!"FeatureCollection".equals(collection.path("type").asText()) || !collection.path("features").isArray()) {
            throw ApiProblemException.invalid("type", "must be a FeatureCollection with a features array");
        }
        List<GridNode> parsed = new ArrayList<>();
        int i = 0;
        for (JsonNode feature : collection.path("features")) {
            String field = "features[" + i++ + "]";
            JsonNode properties = feature.path("properties");
            String code = properties.path("code").asText(null);
            String name = v.requiredText(field + ".properties.name", properties.path("name").asText(null), Validation.MAX_NAME);
            if (!GridCode.isValid(code)) {
                v.reject(field + ".properties.code", "must be 6, 9, 12 or 14-16 digits in the national layout, "
                        + "or 8 or 11 for a grouping level between tiers");
                continue;
            }
            GridCode parsedCode = new GridCode(code);
            String levelKey = properties.path("level").asText(null);
            if (levelKey == null) {
                List<TerritoryLevel> candidates = parsedCode.grouping()
                        ? levels.groupingOfLength(code.length()) : List.of(levels.of(parsedCode.level()));
                if (candidates.size() != 1) {
                    v.reject(field + ".properties.level", candidates.isEmpty()
                            ? "no grouping level of this deployment has " + code.length() + "-digit codes"
                            : "name one of " + candidates.stream().map(TerritoryLevel::key).toList());
                    continue;
                }
                levelKey = candidates.get(0).key();
            }
            String parentCode = properties.path("parentCode").asText(null);
            if (parentCode == null && parsedCode.parent() != null) {
                parentCode = parsedCode.parent().value();
            }
            Geometry boundary = null;
            try {
                boundary = GeoJson.read(feature.get("geometry"));
            } catch (IllegalArgumentException e) {
                v.reject(field + ".geometry", e.getMessage());
            }
            if (name != null) {
                parsed.add(new GridNode(parsedCode, name, boundary, parentCode, levelKey));
            }
        }
        v.throwIfInvalid();
        return save(parsed, actor);
    }

    /** Every node as a GeoJSON feature with code, name, level and parentCode properties. */
    public ObjectNode exportGeoJson() {
        return exportGeoJson(null);
    }

    /** The nodes of one level (every node when {@code level} is null) as a GeoJSON feature collection. */
    public ObjectNode exportGeoJson(GridLevel level) {
        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (GridNode node : nodes.values()) {
            if (level != null && node.level() != level) {
                continue;
            }
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            ObjectNode properties = feature.putObject("properties");
            properties.put("code", node.code().value());
            properties.put("name", node.name());
            properties.put("level", node.levelKey());
            properties.put("parentCode", node.parentCode());
            if (node.boundary() != null) {
                feature.set("geometry", GeoJson.write(node.boundary()));
            } else {
                feature.putNull("geometry");
            }
        }
        return collection;
    }

    private Geometry parse(String geoJson) {
        if (geoJson == null) {
            return null;
        }
        try {
            return GeoJson.read(json.readTree(geoJson));
        } catch (IOException e) {
            throw new IllegalStateException("stored boundary is not JSON", e);
        }
    }
}
