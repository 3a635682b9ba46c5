package org.onegrid.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An SMS gateway over HTTP: {@code POST onegrid.notify.sms.url} with a JSON body
 * {@code {"to","template","text","messageId"}} and the header {@code Idempotency-Key} (the
 * outbox id). Any 2xx is sent; anything else, or no answer within 10 s, is a failure to retry.
 * The provider's template id per event comes from {@code onegrid.notify.sms.template.<EVENT>}.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String url;
    private final org.springframework.core.env.Environment settings;

    HttpSmsGateway(ObjectMapper json, @Value("${onegrid.notify.sms.url:}") String url,
                   org.springframework.core.env.Environment settings) {
        this.json = json;
        this.url = url;
        this.settings = settings;
    }

    /** The provider's template id for an outbox template ({@code onegrid.RECEIVED}): its setting, or the name itself. */
    String providerTemplate(String template) {
        String event = template.substring(template.indexOf('.') + 1);
        return settings.getProperty("onegrid.notify.sms.template." + event, template);
    }

    @Override
    public boolean configured() {
        return !url.isBlank();
    }

    @Override
    public void send(long messageId, String phone, String template, String text) {
        try {
            String body = json.writeValueAsString(Map.of("to", phone, "template", providerTemplate(template), "text", text,
                    "messageId", messageId));
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "onegrid-" + messageId)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the SMS gateway answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the SMS gateway could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
