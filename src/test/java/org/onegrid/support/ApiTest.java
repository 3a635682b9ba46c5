package org.onegrid.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that run the whole application over real HTTP against real PostgreSQL
 * (the embedded server, or the one SPRING_DATASOURCE_URL names) with the demo district loaded.
 * All such tests share one application context and so one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected com.fasterxml.jackson.databind.ObjectMapper json;

    private Http http;

    protected Http http() {
        if (http == null) {
            http = new Http("http://localhost:" + port, json);
        }
        return http;
    }

    /** {@code POST /api/cases/{id}/{action}} as {@code user} with a JSON body. */
    protected Http.Response act(long id, String action, String user, String body) {
        return http().post("/api/cases/" + id + "/" + action, user, body);
    }

    /** Withdraws every classifier version, so that cases recorded without a category stay so. */
    protected void withdrawClassifiers() {
        for (com.fasterxml.jackson.databind.JsonNode model : http().get("/api/classifier/models", "admin").body()) {
            http().delete("/api/classifier/models/" + model.get("version").asInt(), "admin");
        }
    }

    /** The id of a unit of the demo district, by its code (CC, D-URBAN_MANAGEMENT, C001001, ...). */
    protected long unitId(String code) {
        for (com.fasterxml.jackson.databind.JsonNode unit : http().get("/api/units", "admin").body()) {
            if (unit.get("code").asText().equals(code)) {
                return unit.get("id").asLong();
            }
        }
        throw new AssertionError("no unit " + code);
    }

    /** A case body at a point inside the demo district (a grid of 新浦街道 朝阳社区). */
    protected static String newCaseJson(String title, String categoryCode) {
        return """
                {"channel":"HOTLINE_12345","title":"%s","description":"测试用事项描述","lat":34.5555,"lng":119.1355,
                 "categoryCode":%s,"reporterName":"测试","reporterPhone":"13800000000"}
                """.formatted(title, categoryCode == null ? "null" : "\"" + categoryCode + "\"");
    }
}
