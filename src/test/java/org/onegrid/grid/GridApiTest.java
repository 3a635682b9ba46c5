package org.onegrid.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/** The territory tree over HTTP. */
class GridApiTest extends ApiTest {

    @Test
    void theDemoDistrictHasSixStreetsFortyTwoCommunitiesAnd168Grids() {
        assertThat(http().get("/api/grids?level=STREET&parent=320706", "agent").body().size()).isEqualTo(6);
        assertThat(http().get("/api/grids?level=COMMUNITY&parent=320706", "agent").body().size()).isEqualTo(42);
        assertThat(http().get("/api/grids?level=GRID&parent=320706", "agent").body().size()).isEqualTo(168);
    }

    @Test
    void locateReturnsTheBaseGridAndItsPath() {
        JsonNode location = http().get("/api/grids/locate?lat=34.5555&lng=119.1355", "agent").body();
        assertThat(location.get("gridCode").asText()).isEqualTo("320706001001001");
        List<String> path = new ArrayList<>();
        location.get("path").forEach(p -> path.add(p.get("code").asText()));
        assertThat(path).containsExactly("320706", "320706001", "320706001001", "320706001001001");
    }

    @Test
    void aPointOnASharedBorderResolvesToTheSmallestCodeEveryTime() {
        // 119.14, 34.558 is the corner shared by four grids of two communities and two streets.
        for (int i = 0; i < 3; i++) {
            assertThat(http().get("/api/grids/locate?lat=34.558&lng=119.14", "agent").body().get("gridCode").asText())
                    .isEqualTo("320706001001001");
        }
        // On the edge between grids 1 and 2 of the first community.
        assertThat(http().get("/api/grids/locate?lat=34.554&lng=119.14", "agent").body().get("gridCode").asText())
                .isEqualTo("320706001001001");
    }

    @Test
    void geoJsonExportAndImportRoundTrip() {
        Response export = http().get("/api/grids/export", "agent");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(export.body().get("features").size()).isEqualTo(1 + 6 + 2 + 42 + 168);

        String district = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"320799","name":"试验区"},"geometry":null},
                 {"type":"Feature","properties":{"code":"320799001","name":"试验街道"},"geometry":null},
                 {"type":"Feature","properties":{"code":"320799001001","name":"试验社区"},"geometry":null},
                 {"type":"Feature","properties":{"code":"32079900100101","name":"试验网格"},
                  "geometry":{"type":"Polygon","coordinates":[[[10,10],[10.5,10],[10.5,10.5],[10,10.5],[10,10]]]}}]}
                """;
        Response imported = http().post("/api/grids/import", "admin", district);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().get("imported").asInt()).isEqualTo(4);
        assertThat(http().get("/api/grids/locate?lat=10.25&lng=10.25", "agent").body().get("gridCode").asText())
                .isEqualTo("32079900100101");
    }

    @Test
    void badGeoJsonIsRefusedWithTheFeatureAtFault() {
        String bad = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"12","name":"x"},"geometry":null},
                 {"type":"Feature","properties":{"code":"32079800100101","name":"无父节点"},
                  "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
                 {"type":"Feature","properties":{"code":"320706001001099","name":"坏多边形"},
                  "geometry":{"type":"Point","coordinates":[1,1]}}]}
                """;
        Response r = http().post("/api/grids/import", "admin", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field"))
                .contains("features[0].properties.code", "features[2].geometry");
        assertThat(http().post("/api/grids/import", "dispatcher", bad).status()).isEqualTo(403);
    }

    @Test
    void gridTeamsListTheLeaderWorkersAndPolice() {
        JsonNode team = http().get("/api/grids/320706001001001/staff", "agent").body();
        assertThat(team.findValuesAsText("post")).contains("GRID_LEADER", "GRID_WORKER", "COMMUNITY_POLICE");
        assertThat(team.findValuesAsText("username")).contains("gridworker");
    }
}
