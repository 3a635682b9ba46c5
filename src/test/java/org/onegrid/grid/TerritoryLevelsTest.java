package org.onegrid.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;

/** The territory's levels are data: a town run as a four-level grid (管区) fits beside streets. */
class TerritoryLevelsTest extends ApiTest {

    @Test
    void aPointInTheTownResolvesThroughItsManagedAreaToTheVillageAndItsGrid() {
        JsonNode location = http().get("/api/grids/locate?lat=34.634&lng=119.135", "agent").body();
        assertThat(location.get("gridCode").asText()).isEqualTo("320706006001001");
        List<String> codes = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        location.get("path").forEach(p -> {
            codes.add(p.get("code").asText());
            levels.add(p.get("level").asText());
        });
        assertThat(codes).containsExactly("320706", "320706006", "32070600601", "320706006001", "320706006001001");
        assertThat(levels).containsExactly("DISTRICT", "STREET", "MANAGED_AREA", "COMMUNITY", "GRID");
    }

    @Test
    void theVillagesOfAManagedAreaAreListedUnderItAndKeepTheirNationalCodesAndTier() {
        assertThat(http().get("/api/grids?level=MANAGED_AREA&parent=320706", "agent").body().findValuesAsText("code"))
                .containsExactly("32070600601", "32070600602");
        JsonNode east = http().get("/api/grids?level=COMMUNITY&parent=32070600601", "agent").body();
        assertThat(east.findValuesAsText("code"))
                .containsExactly("320706006001", "320706006002", "320706006003", "320706006004");
        assertThat(http().get("/api/grids?level=GRID&parent=32070600602", "agent").body().size()).isEqualTo(12);
        JsonNode village = http().get("/api/grids/320706006005", "agent").body();
        assertThat(village.get("parentCode").asText()).isEqualTo("32070600602");
        assertThat(village.get("tier").asText()).isEqualTo("COMMUNITY");
        assertThat(http().get("/api/grids/32070600602", "agent").body().get("tier").isNull()).isTrue();
        assertThat(http().get("/api/grids?level=NO_SUCH_LEVEL", "agent").status()).isEqualTo(400);
    }

    @Test
    void anAdministratorAddsAGroupingLevelAndImportsNodesOfIt() {
        Response added = http().put("/api/grids/levels/AREA_OFFICE", "admin",
                "{\"nameZh\":\"片区\",\"nameEn\":\"Area\",\"codeLength\":8}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(http().get("/api/grids/levels", "agent").body().findValuesAsText("key")).contains("AREA_OFFICE", "MANAGED_AREA");
        String county = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"320797","name":"试验县"},"geometry":null},
                 {"type":"Feature","properties":{"code":"32079701","name":"北片区"},"geometry":null},
                 {"type":"Feature","properties":{"code":"320797001","name":"试验镇","parentCode":"32079701"},"geometry":null},
                 {"type":"Feature","properties":{"code":"32079700101","name":"一管区"},"geometry":null},
                 {"type":"Feature","properties":{"code":"320797001201","name":"试验村","parentCode":"32079700101"},"geometry":null},
                 {"type":"Feature","properties":{"code":"32079700120101","name":"试验村一网格"},
                  "geometry":{"type":"Polygon","coordinates":[[[20,20],[20.5,20],[20.5,20.5],[20,20.5],[20,20]]]}}]}
                """;
        Response imported = http().post("/api/grids/import", "admin", county);
        assertThat(imported.status()).isEqualTo(200);
        List<String> path = new ArrayList<>();
        http().get("/api/grids/locate?lat=20.25&lng=20.25", "agent").body().get("path")
                .forEach(p -> path.add(p.get("level").asText()));
        assertThat(path).containsExactly("DISTRICT", "AREA_OFFICE", "STREET", "MANAGED_AREA", "COMMUNITY", "GRID");
    }

    @Test
    void aNodeMayNotHangUnderAnotherTownsManagedAreaNorNameALevelThatDoesNotFitItsCode() {
        String bad = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"320706005099","name":"越界村","parentCode":"32070600601"},"geometry":null},
                 {"type":"Feature","properties":{"code":"320706005098","name":"错层","level":"MANAGED_AREA"},"geometry":null},
                 {"type":"Feature","properties":{"code":"32070600599","name":"无名层级","level":"NO_SUCH_LEVEL"},"geometry":null}]}
                """;
        Response refused = http().post("/api/grids/import", "admin", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).contains(
                "features[code=320706005099]", "features[code=320706005098]", "features[code=32070600599]");
        assertThat(http().get("/api/grids/320706005099", "agent").status()).isEqualTo(404);
    }

    @Test
    void aTierKeepsItsCodesAndOnlyAnAdministratorDefinesLevels() {
        Response renamed = http().put("/api/grids/levels/STREET", "admin",
                "{\"nameZh\":\"街道/乡镇\",\"nameEn\":\"Street or town\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("tier").asText()).isEqualTo("STREET");
        Response moved = http().put("/api/grids/levels/STREET", "admin",
                "{\"nameZh\":\"街道\",\"nameEn\":\"Street\",\"codeLength\":8}");
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.body().get("errors").findValuesAsText("field")).contains("codeLength");
        assertThat(http().put("/api/grids/levels/STREET", "dispatcher", "{\"nameZh\":\"x\",\"nameEn\":\"x\"}").status())
                .isEqualTo(403);
        Response noDigits = http().put("/api/grids/levels/ZONE", "admin", "{\"nameZh\":\"区块\",\"nameEn\":\"Zone\",\"codeLength\":10}");
        assertThat(noDigits.status()).isEqualTo(400);
        assertThat(http().put("/api/grids/levels/bad-key", "admin", "{\"nameZh\":\"x\",\"nameEn\":\"x\",\"codeLength\":8}").status())
                .isEqualTo(400);
    }
}
