package org.onegrid.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON adapter (docs/hotline.md): {@code GET {base}/orders?status=new} lists new orders,
 * {@code POST {base}/orders/{id}/ack} acknowledges one with our tracking code, {@code POST
 * {base}/orders/{id}/updates} sends an update with its {@code Idempotency-Key} (the update's id,
 * so a platform may drop a repeat). A bearer token is sent when one is set. Any status but 2xx,
 * a timeout or a refused connection is a failure to retry.
 */
public final class JsonHotlinePlatform implements HotlinePlatform {

    private final String base;
    private final String token;
    private final ObjectMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public JsonHotlinePlatform(String base, String token, ObjectMapper json) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.json = json;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("the hotline platform answered " + response.statusCode());
            }
            return response;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    @Override
    public List<Order> newOrders() throws IOException {
        JsonNode body = json.readTree(send(request("/orders?status=new").GET().build()).body());
        List<Order> orders = new ArrayList<>();
        for (JsonNode o : body.path("orders")) {
            orders.add(new Order(o.path("orderId").asText(null), o.path("title").asText(null), o.path("content").asText(null),
                    o.path("category").asText(null), o.path("address").asText(null),
                    o.hasNonNull("lat") ? o.get("lat").asDouble() : null, o.hasNonNull("lng") ? o.get("lng").asDouble() : null,
                    o.path("callerName").asText(null), o.path("callerPhone").asText(null),
                    o.hasNonNull("receivedAt") ? Instant.parse(o.get("receivedAt").asText()) : null));
        }
        return orders;
    }

    @Override
    public void acknowledge(String orderId, String caseCode) throws IOException {
        send(request("/orders/" + orderId + "/ack").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("caseCode", caseCode)))).build());
    }

    @Override
    public void send(Update update) throws IOException {
        send(request("/orders/" + update.orderId() + "/updates").header("Content-Type", "application/json")
                .header("Idempotency-Key", "onegrid-update-" + update.id())
                .POST(HttpRequest.BodyPublishers.ofString(update.body())).build());
    }
}
