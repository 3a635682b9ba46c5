package org.onegrid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.onegrid.errors.ProblemDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slow bodies cannot take every request thread. Tomcat reads headers without holding a thread,
 * but a servlet reading a body blocks its thread until the bytes come, and a client sending a
 * sign-in form at one byte a second holds one for as long as it likes. This filter, the first
 * of all, lets one address have at most {@link RateLimitProperties#bodiesPerAddress()} requests
 * with a body in progress; the next gets 503 with Retry-After at once and its connection is
 * closed, so the other threads stay free for everyone else. Requests without a body (pages,
 * reads) are not counted. Measured by {@code bench/slow-bodies.sh} (docs/benchmarks.md).
 */
final class BodyConcurrencyFilter extends OncePerRequestFilter {

    private final int perAddress;
    private final ObjectMapper json;
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    BodyConcurrencyFilter(int perAddress, ObjectMapper json) {
        this.perAddress = perAddress;
        this.json = json;
    }

    static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        AtomicInteger count = inProgress.computeIfAbsent(address, a -> new AtomicInteger());
        try {
            if (count.incrementAndGet() > perAddress) {
                refuse(response);
                return;
            }
            chain.doFilter(request, response);
        } finally {
            if (count.decrementAndGet() == 0) {
                inProgress.remove(address, count);
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close"); // the unread body is not waited for
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDocuments.of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                "Too many uploads at once", "your address has " + perAddress + " requests with a body in progress; "
                        + "try again when one has finished", List.of(), Map.of("retryAfterSeconds", 1)));
    }
}
