package org.onegrid.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;

/** The default catalogue covers the seeds' lines of work with limits and owners. */
class CatalogApiTest extends ApiTest {

    @Test
    void defaultCatalogueHasSeventeenLinesAndAtLeastSixtyOneItems() {
        JsonNode all = http().get("/api/categories", "agent").body();
        int items = 0;
        Set<String> lines = new HashSet<>();
        for (JsonNode c : all) {
            if (!c.get("limit").isNull()) {
                items++;
                assertThat(c.get("owners").size()).as(c.get("code").asText()).isPositive();
            } else {
                lines.add(c.get("line").asText());
            }
        }
        assertThat(lines).hasSize(17);
        assertThat(items).isGreaterThanOrEqualTo(61);
    }

    @Test
    void exposedRubbishIsOneWorkingDayAndStartsInTheCommunity() {
        JsonNode rubbish = http().get("/api/categories/0101", "agent").body();
        assertThat(rubbish.get("limit").get("amount").asInt()).isEqualTo(1);
        assertThat(rubbish.get("limit").get("unit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(rubbish.get("owners").get("COMMUNITY").get("kind").asText()).isEqualTo("COMMUNITY_COMMITTEE");
        assertThat(rubbish.get("verificationRequired").asBoolean()).isTrue();
        JsonNode dirtyRoad = http().get("/api/categories/0102", "agent").body();
        assertThat(dirtyRoad.get("limit").get("unit").asText()).isEqualTo("WORKING_HOURS");
    }
}
