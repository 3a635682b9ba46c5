package org.onegrid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.onegrid.errors.ProblemDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Slow bodies cannot take every request thread. Tomcat reads headers without holding a thread,
 * but a servlet reading a body blocks its thread until the bytes come, and a client sending a
 * sign-in form at one byte a second holds one for as long as it likes. This valve, at the door of
 * the engine before any filter, lets one address have at most
 * {@link RateLimitProperties#bodiesPerAddress()} requests with a body in progress. The next gets
 * 503 with Retry-After at once, and Tomcat is told not to read ("swallow") the rest of its body,
 * as it does for an aborted upload, so the thread is free as soon as the answer is written and
 * the connection is closed. Requests without a body (pages, reads) are not counted. Measured by
 * {@code bench/slow-bodies.sh} (docs/benchmarks.md).
 * <p>
 * A servlet filter cannot do this: Tomcat would read the unread body of a refused request before
 * closing its connection, at one byte a second (tried: the refused requests held their threads).
 * The valve runs after the one that believes an internal proxy's X-Forwarded-For.
 */
final class BodyConcurrencyValve extends ValveBase {

    private final int perAddress;
    private final byte[] refusal;
    /** Requests with a body in progress, per address; an address leaves the map when its last one ends. */
    private final Map<String, Integer> inProgress = new ConcurrentHashMap<>();

    BodyConcurrencyValve(int perAddress, ObjectMapper json) {
        super(true);
        this.perAddress = perAddress;
        try {
            this.refusal = json.writeValueAsBytes(ProblemDocuments.of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "Too many uploads at once", "your address has " + perAddress + " requests with a body in progress; "
                            + "try again when one has finished", List.of(), Map.of("retryAfterSeconds", 1)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean hasBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!hasBody(request)) {
            getNext().invoke(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        // merge and computeIfPresent are atomic per address: no count is lost between two requests.
        int now = inProgress.merge(address, 1, Integer::sum);
        try {
            if (now > perAddress) {
                refuse(request, response);
                return;
            }
            getNext().invoke(request, response);
        } finally {
            inProgress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        }
    }

    private void refuse(Request request, Response response) throws IOException {
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(refusal.length);
        response.getOutputStream().write(refusal);
    }
}
