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
    private volatile Map<String, GridNode> nodes = Map.of();
    private volatile GridIndex index = new GridIndex(List.of());

    GridService(JdbcClient jdbc, ObjectMapper json, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Loads the tree from the database; call after start-up migrations and after imports. */
    public synchronized void reload() {
        List<GridNode> loaded = jdbc.sql("SELECT code, name, boundary::text FROM grid_node ORDER BY code")
                .query((rs, i) -> new GridNode(new GridCode(rs.getString(1)), rs.getString(2), parse(rs.getString(3))))
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

    /** Nodes of one level, or all when level is null; under {@code parentCode} when given. */
    public List<GridNode> list(GridLevel level, String parentCode) {
        return nodes.values().stream()
                .filter(n -> level == null || n.level() == level)
                .filter(n -> parentCode == null || n.code().value().startsWith(parentCode) && !n.code().value().equals(parentCode))
                .toList();
    }

    /** The base grid under a point, with its path, or empty when no grid covers the point. */
    public Optional<GridLocation> locate(double lat, double lng) {
        return index.locate(lat, lng).map(this::location);
    }

    public GridLocation location(String gridCode) {
        GridNode grid = require(gridCode);
        List<GridLocation.PathElement> path = grid.code().path().stream()
                .map(c -> nodes.get(c.value()))
                .filter(java.util.Objects::nonNull)
                .map(n -> new GridLocation.PathElement(n.code().value(), n.name(), n.level()))
                .toList();
        return new GridLocation(grid.code().value(), grid.name(), path);
    }

    /** Adds or replaces nodes; parents must exist already or come in the same call. */
    @Transactional
    public int save(List<GridNode> incoming, String actor) {
        List<GridNode> sorted = new ArrayList<>(incoming);
        sorted.sort(Comparator.comparing(n -> n.code().value().length()));
        Map<String, GridNode> known = new LinkedHashMap<>(nodes);
        Validation v = new Validation();
        for (GridNode node : sorted) {
            String parent = node.parentCode();
            if (parent != null && !known.containsKey(parent)) {
                v.reject("features[code=" + node.code() + "]", "parent " + parent + " does not exist");
            }
            if (node.level() == GridLevel.GRID && node.boundary() == null) {
                v.reject("features[code=" + node.code() + "].geometry", "a base grid needs a polygon");
            }
            known.put(node.code().value(), node);
        }
        v.throwIfInvalid();
        for (GridNode node : sorted) {
            jdbc.sql("""
                    INSERT INTO grid_node (code, parent_code, level, name, boundary) VALUES (?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, boundary = EXCLUDED.boundary
                    """)
                    .params(node.code().value(), node.parentCode(), node.level().name(), node.name(),
                            node.boundary() == null ? null : GeoJson.write(node.boundary()).toString())
                    .update();
        }
        audit.record(actor, "grid.save", "grid tree", sorted.size() + " nodes added or replaced");
        reload();
        return sorted.size();
    }

    /**
     * Imports a GeoJSON FeatureCollection whose features carry {@code properties.code} and
     * {@code properties.name}; base grids need a Polygon or MultiPolygon geometry.
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
                v.reject(field + ".properties.code", "must be 6, 9, 12 or 14-16 digits in the national layout");
                continue;
            }
            Geometry boundary = null;
            try {
                boundary = GeoJson.read(feature.get("geometry"));
            } catch (IllegalArgumentException e) {
                v.reject(field + ".geometry", e.getMessage());
            }
            if (name != null) {
                parsed.add(new GridNode(new GridCode(code), name, boundary));
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
            properties.put("level", node.level().name());
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
