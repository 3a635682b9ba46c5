package org.onegrid.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.grid.GridService;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A round trip with a stand-in of the city's 12345 platform, a real HTTP server on this machine:
 * an order pulled in is a case here (its category mapped), acknowledged once and not taken twice;
 * it is routed, signed for, resolved, verified and rated here; the platform receives each update
 * once and in order, though it refused the first two.
 */
class HotlineRoundTripTest extends ApiTest {

    @Autowired
    Hotline hotline;

    @Autowired
    GridService grids;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    /** The stand-in platform: one new order until acknowledged; updates refused twice, then recorded by Idempotency-Key. */
    static final class Platform {
        final HttpServer server;
        final String orderId = "GD" + System.nanoTime();
        final List<String> acks = Collections.synchronizedList(new ArrayList<>());
        final List<JsonNode> updates = Collections.synchronizedList(new ArrayList<>());
        final Set<String> keys = Collections.synchronizedSet(new HashSet<>());
        final AtomicInteger refusals = new AtomicInteger(2);
        volatile String order;

        Platform(ObjectMapper json, double lat, double lng) throws IOException {
            order = """
                    {"orders":[{"orderId":"%s","title":"小区门口垃圾堆积","content":"市民来电反映小区门口垃圾三天未清运","category":"CG-LJ",
                     "lat":%s,"lng":%s,"callerName":"刘女士","callerPhone":"13955550001","receivedAt":"2026-12-04T09:00:00Z"}]}"""
                    .formatted(orderId, lat, lng);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/orders", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("GET")) {
                    reply(exchange, 200, acks.isEmpty() ? order : "{\"orders\":[]}");
                } else if (path.endsWith("/ack")) {
                    acks.add(new String(body, StandardCharsets.UTF_8));
                    reply(exchange, 200, "{}");
                } else if (path.endsWith("/updates")) {
                    if (refusals.getAndDecrement() > 0) {
                        reply(exchange, 503, "{\"error\":\"busy\"}");
                        return;
                    }
                    if (keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"))) {
                        updates.add(json.readTree(body));
                    }
                    reply(exchange, 200, "{}");
                } else {
                    reply(exchange, 404, "{}");
                }
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }

    Platform platform;

    @BeforeEach
    void start() throws IOException {
        double[] p = grids.pointWithin("320706002004001").orElseThrow();
        platform = new Platform(json, p[0], p[1]);
    }

    @AfterEach
    void stop() {
        platform.server.stop(0);
    }

    @Test
    void anOrderPulledInIsHandledHereAndThePlatformHearsEachUpdateOnceInOrder() throws IOException {
        JsonHotlinePlatform adapter = new JsonHotlinePlatform(platform.base(), null, json);
        assertThat(hotline.pull(adapter)).isEqualTo(1);
        assertThat(hotline.pull(adapter)).as("an order is taken once").isZero();
        assertThat(platform.acks).hasSize(1);
        String caseCode = json.readTree(platform.acks.get(0)).get("caseCode").asText();
        JsonNode c = http().get("/api/cases?q=" + caseCode, "dispatcher").body().get("items").get(0);
        long caseId = c.get("id").asLong();
        assertThat(c.get("channel").asText()).isEqualTo("HOTLINE_12345");
        assertThat(c.get("categoryCode").asText()).as("their category mapped to ours").isEqualTo("0101");
        assertThat(hotline.orderOf(caseId)).contains(platform.orderId);

        // Routed, signed for, resolved, verified and rated here.
        if (c.get("state").asText().equals("RECEIVED")) {
            long unit = jdbc.sql("SELECT id FROM unit WHERE code = 'C002004'").query(Long.class).single();
            assertThat(http().post("/api/cases/" + caseId + "/dispatch", "dispatcher", "{\"unitId\":" + unit + "}").status()).isEqualTo(200);
        }
        long owner = http().get("/api/cases/" + caseId, "dispatcher").body().get("ownerUnit").get("id").asLong();
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(owner).query(String.class).single();
        String handler = code.startsWith("G") ? "gw-" + code.substring(1, 7) : "h-" + code.toLowerCase();
        assertThat(http().post("/api/cases/" + caseId + "/accept", handler, "{}").status()).isEqualTo(200);
        assertThat(http().post("/api/cases/" + caseId + "/resolve", handler, "{\"result\":\"已清运垃圾3车\"}").status()).isEqualTo(200);
        assertThat(http().post("/api/cases/" + caseId + "/verify", "dispatcher", "{\"passed\":true,\"note\":\"现场已清理\"}").status())
                .isEqualTo(200);
        assertThat(http().post("/api/cases/" + caseId + "/rate", "agent", "{\"stars\":5}").status()).isEqualTo(200);

        // Folded into updates, then delivered: the platform refuses twice, then takes each in turn.
        for (int i = 0; i < 20 && hotline.fold() > 0; i++) {
            // until the feed is read to its end
        }
        for (int round = 0; round < 12; round++) {
            hotline.deliver(adapter);
            jdbc.sql("UPDATE hotline_update SET next_attempt_at = now() WHERE state = 'PENDING'").update();
        }
        List<String> kinds = platform.updates.stream().filter(u -> u.get("orderId").asText().equals(platform.orderId))
                .map(u -> u.get("kind").asText()).toList();
        assertThat(kinds).contains("SIGNED", "RESULT", "RATING");
        assertThat(kinds.indexOf("SIGNED")).isLessThan(kinds.indexOf("RESULT"));
        assertThat(kinds.indexOf("RESULT")).isLessThan(kinds.indexOf("RATING"));
        assertThat(kinds.stream().filter(k -> k.equals("RESULT")).count()).as("once each").isEqualTo(1);
        List<Integer> seqs = platform.updates.stream().map(u -> u.get("seq").asInt()).toList();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("in order, none missing").isEqualTo(i + 1);
        }
        long sent = jdbc.sql("SELECT count(*) FROM hotline_update WHERE order_id = ? AND state = 'SENT'").param(platform.orderId)
                .query(Long.class).single();
        assertThat(sent).isEqualTo(platform.updates.size());
        assertThat(jdbc.sql("SELECT max(attempts) FROM hotline_update WHERE order_id = ?").param(platform.orderId)
                .query(Integer.class).single()).as("the first was tried three times").isEqualTo(3);
        assertThat(platform.updates.stream().filter(u -> u.get("kind").asText().equals("RATING")).findFirst().orElseThrow()
                .get("stars").asInt()).isEqualTo(5);
    }
}
