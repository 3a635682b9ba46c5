package org.onegrid.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads and writes the two GeoJSON (RFC 7946) geometry types an area can have: Polygon and
 * MultiPolygon, in WGS-84 longitude/latitude.
 */
public final class GeoJson {

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJson() {
    }

    /** Parses a Polygon or MultiPolygon; throws IllegalArgumentException naming what is wrong. */
    public static Geometry read(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            return null;
        }
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        Geometry result = switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                requireArray(coordinates, "coordinates");
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("geometry type must be Polygon or MultiPolygon, got '" + type + "'");
        };
        if (!result.isValid()) {
            throw new IllegalArgumentException("polygon is not valid (self-intersecting or badly ringed)");
        }
        return result;
    }

    public static ObjectNode write(Geometry geometry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (geometry instanceof Polygon polygon) {
            node.put("type", "Polygon");
            node.set("coordinates", rings(polygon));
        } else if (geometry instanceof MultiPolygon multi) {
            node.put("type", "MultiPolygon");
            ArrayNode polygons = node.putArray("coordinates");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) multi.getGeometryN(i)));
            }
        } else {
            throw new IllegalArgumentException("cannot write " + geometry.getGeometryType());
        }
        return node;
    }

    private static Polygon polygon(JsonNode rings) {
        requireArray(rings, "coordinates");
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs an outer ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        requireArray(positions, "ring");
        if (positions.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException("a position must be [longitude, latitude]");
            }
            double lng = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
                throw new IllegalArgumentException("position out of range: [" + lng + ", " + lat + "]");
            }
            coordinates[i] = new Coordinate(lng, lat);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException("a ring must end where it starts");
        }
        return FACTORY.createLinearRing(coordinates);
    }

    private static ArrayNode rings(Polygon polygon) {
        ArrayNode rings = JsonNodeFactory.instance.arrayNode();
        rings.add(positions(polygon.getExteriorRing().getCoordinates()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static ArrayNode positions(Coordinate[] coordinates) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Coordinate c : coordinates) {
            array.addArray().add(BigDecimal.valueOf(c.x)).add(BigDecimal.valueOf(c.y));
        }
        return array;
    }

    private static void requireArray(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " must be an array");
        }
    }
}
