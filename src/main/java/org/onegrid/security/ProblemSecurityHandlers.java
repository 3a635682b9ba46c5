package org.onegrid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.onegrid.errors.ProblemDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem documents, with the Basic challenge on 401. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final RateLimitFilter rateLimits;

    ProblemSecurityHandlers(ObjectMapper json, RateLimitFilter rateLimits) {
        this.json = json;
        this.rateLimits = rateLimits;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (request.getHeader("Authorization") != null) {
            rateLimits.signInFailed(request);
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"OneGrid\", charset=\"UTF-8\"");
        write(response, ProblemDocuments.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "sign in with a valid username and password", List.of(), Map.of()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, ProblemDocuments.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "your role may not do this", List.of(), Map.of()));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
