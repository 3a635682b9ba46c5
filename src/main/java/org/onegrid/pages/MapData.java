package org.onegrid.pages;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The base grids' outlines for the page maps; public, as the residents' page places requests on them. */
@Controller
class MapData {

    private final GridService grids;

    MapData(GridService grids) {
        this.grids = grids;
    }

    @GetMapping(value = "/map/grids.geojson", produces = "application/geo+json")
    ResponseEntity<ObjectNode> baseGrids() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES)).body(grids.exportGeoJson(GridLevel.GRID));
    }

    /**
     * The streets and communities by code and name, for the maps' labels: each is drawn over the
     * base grids whose codes begin with its own.
     */
    @GetMapping(value = "/map/places.json", produces = "application/json")
    ResponseEntity<List<Place>> places() {
        List<Place> places = java.util.stream.Stream.of(GridLevel.STREET, GridLevel.COMMUNITY)
                .flatMap(level -> grids.list(level, null).stream())
                .map(node -> new Place(node.code().value(), node.name(), node.levelKey()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES)).body(places);
    }

    record Place(String code, String name, String level) {
    }
}
