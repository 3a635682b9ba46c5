package org.onegrid.grid.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.onegrid.grid.GeoJson;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridLocation;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.onegrid.grid.TerritoryLevel;
import org.onegrid.grid.TerritoryLevels;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The territory tree over HTTP. */
@RestController
@RequestMapping("/api/grids")
class GridController {

    /**
     * A node: {@code level} is its territory level's key, {@code tier} the tier the rules address
     * it as (null for a grouping level such as 管区).
     */
    record NodeView(String code, String name, String level, GridLevel tier, String parentCode, JsonNode boundary) {
        static NodeView of(GridNode n, boolean withBoundary) {
            return new NodeView(n.code().value(), n.name(), n.levelKey(), n.level(), n.parentCode(),
                    withBoundary && n.boundary() != null ? GeoJson.write(n.boundary()) : null);
        }
    }

    private final GridService grids;
    private final TerritoryLevels levels;

    GridController(GridService grids, TerritoryLevels levels) {
        this.grids = grids;
        this.levels = levels;
    }

    /** Nodes of one territory level (a tier or a grouping level's key), below {@code parent} when given. */
    @GetMapping
    List<NodeView> list(@RequestParam(required = false) String level,
                        @RequestParam(required = false) String parent,
                        @RequestParam(defaultValue = "false") boolean boundaries) {
        if (level != null && levels.find(level).isEmpty()) {
            throw ApiProblemException.invalid("level", "not a territory level of this deployment; one of "
                    + levels.list().stream().map(TerritoryLevel::key).toList());
        }
        return grids.listAt(level, parent).stream().map(n -> NodeView.of(n, boundaries)).toList();
    }

    /** The territory's levels from the district down, with the names the deployment uses. */
    @GetMapping("/levels")
    List<TerritoryLevel> levels() {
        return levels.list();
    }

    /** Renames a level or adds a grouping level between tiers (administrators). */
    @PutMapping("/levels/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    TerritoryLevel defineLevel(@PathVariable String key, @RequestBody TerritoryLevels.LevelForm form, Authentication admin) {
        return levels.define(key, form, admin.getName());
    }

    @GetMapping("/locate")
    GridLocation locate(@RequestParam double lat, @RequestParam double lng) {
        Validation v = new Validation();
        v.range("lat", lat, -90, 90);
        v.range("lng", lng, -180, 180);
        v.throwIfInvalid();
        return grids.locate(lat, lng).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "outside-grids",
                "Outside every grid", "no base grid covers " + lat + ", " + lng, List.of()));
    }

    @GetMapping(value = "/export", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ObjectNode export() {
        return grids.exportGeoJson();
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Integer>> importGeoJson(@RequestBody JsonNode collection, Authentication admin) {
        return ResponseEntity.ok(Map.of("imported", grids.importGeoJson(collection, admin.getName())));
    }

    @GetMapping("/{code}")
    NodeView node(@PathVariable String code) {
        return NodeView.of(grids.require(code), true);
    }
}
