package org.onegrid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.onegrid.errors.ProblemDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Abuse limits (防刷): an address that failed to sign in too often (with the API's credentials
 * or the sign-in form), or called the public endpoints too often, gets 429 with Retry-After
 * until its window ends.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimiter signInFailures;
    private final ClientRateLimiter publicRequests;
    private final ObjectMapper json;
    private final java.util.function.Predicate<HttpServletRequest> isPublic;

    /** {@code isPublic} says which requests count against the public limit. */
    RateLimitFilter(AddressLimits limits, ObjectMapper json,
                    java.util.function.Predicate<HttpServletRequest> isPublic) {
        this.isPublic = isPublic;
        this.signInFailures = limits.signInFailures;
        this.publicRequests = limits.publicRequests;
        this.json = json;
    }

    /** Called by the 401 handler when a request brought credentials that did not check out. */
    void signInFailed(HttpServletRequest request) {
        signInFailures.record(request.getRemoteAddr());
    }

    /** A request that signs in: with an Authorization header (the API) or the sign-in form (the pages). */
    static boolean bringsCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null
                || ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        long wait = 0;
        if (bringsCredentials(request)) {
            wait = signInFailures.blockedFor(address);
        }
        if (wait == 0 && isPublic.test(request)) {
            wait = publicRequests.record(address);
        }
        if (wait > 0) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(wait));
            String accept = request.getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!doctype html><meta charset=utf-8><title>429</title><p>请求过于频繁，请 "
                        + wait + " 秒后再试。 Too many requests; try again in " + wait + " s.</p>");
                return;
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemDocuments.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "too many requests from your address; try again in " + wait + " s",
                    List.of(), Map.of("retryAfterSeconds", wait)));
            return;
        }
        chain.doFilter(request, response);
    }
}
