package org.onegrid.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small real-HTTP client for tests: JSON in, status, headers and JSON out. */
public final class Http {

    public record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final ObjectMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Http(String base, ObjectMapper json) {
        this.base = base;
        this.json = json;
    }

    public Response get(String path, String user) {
        return send(builder(path, user).GET());
    }

    /** A download: the raw bytes. */
    public HttpResponse<byte[]> getBytes(String path, String user) {
        try {
            return client.send(builder(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response getWithHeader(String path, String name, String value) {
        return send(builder(path, null).header(name, value).GET());
    }

    public Response delete(String path, String user) {
        return send(builder(path, user).DELETE());
    }

    public Response post(String path, String user, String body, String... headers) {
        return postJson(path, user,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    /** A JSON POST whose body is sent in chunks, its length not declared. */
    public Response postChunked(String path, String user, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postJson(path, user,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)), headers);
    }

    /** {@code headers}: names and values in turn. */
    private Response postJson(String path, String user, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = builder(path, user).header("Content-Type", "application/json").POST(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public Response postBytes(String path, String user, byte[] body) {
        return send(builder(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postText(String path, String user, String body) {
        return send(builder(path, user).header("Content-Type", "text/tab-separated-values; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A form-encoded POST ({@code application/x-www-form-urlencoded}); {@code headers}: names and values in turn. */
    public Response postUrlEncoded(String path, String user, String body, String... headers) {
        HttpRequest.Builder b = builder(path, user).header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** A multipart form POST of one file part named {@code part}. */
    public Response postFile(String path, String user, String part, String fileName, byte[] content) {
        return postForm(path, user, java.util.Map.of(), part, fileName, "application/octet-stream", content);
    }

    /** A multipart form POST of text fields and, unless {@code part} is null, one file part. */
    public Response postForm(String path, String user, java.util.Map<String, String> fields, String part, String fileName,
                             String contentType, byte[] content) {
        String boundary = "onegrid-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (part != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(builder(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response put(String path, String user, String body) {
        return send(builder(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder builder(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String credentials = user.contains(":") ? user : user + ":demo";
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = null;
            if (body != null && !body.isBlank()) {
                try {
                    node = json.readTree(body);
                } catch (IOException notJson) {
                    node = null;
                }
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), node,
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
