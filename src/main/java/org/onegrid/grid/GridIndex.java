package org.onegrid.grid;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon lookup over the base grids: an STR-tree of prepared polygons. A point on
 * the border of several grids belongs to the one with the smallest code, so every point inside
 * the district resolves to exactly one grid. Immutable; rebuilt when grids change.
 */
final class GridIndex {

    private record Entry(String code, PreparedGeometry area) {
    }

    private final STRtree tree = new STRtree();

    GridIndex(Collection<GridNode> baseGrids) {
        for (GridNode grid : baseGrids) {
            if (grid.boundary() != null) {
                tree.insert(grid.boundary().getEnvelopeInternal(),
                        new Entry(grid.code().value(), PreparedGeometryFactory.prepare(grid.boundary())));
            }
        }
        tree.build();
    }

    Optional<String> locate(double lat, double lng) {
        Point point = GeoJson.FACTORY.createPoint(new Coordinate(lng, lat));
        @SuppressWarnings("unchecked")
        List<Entry> candidates = tree.query(point.getEnvelopeInternal());
        String best = null;
        for (Entry candidate : candidates) {
            if ((best == null || candidate.code().compareTo(best) < 0) && candidate.area().covers(point)) {
                best = candidate.code();
            }
        }
        return Optional.ofNullable(best);
    }
}
