package org.onegrid.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.NewCase;
import org.onegrid.directory.StaffMember;
import org.onegrid.security.DirectApiRoute;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/cases} answered without Spring MVC's dispatch: intake is the busiest write of
 * a command centre (the hotline platform pushes every call), and the dispatch was about an eighth
 * of its cost. The same JSON converter reads the body and writes the answer, and
 * {@link CaseController#receive} makes it, so the two ways give the same result. Only the plain
 * form is taken: a JSON body of known length that asks for a JSON answer; any other request
 * (chunked, another media type or charset, a larger body) goes to the controller through Spring
 * MVC, which knows how to answer it.
 */
@Component
final class DirectIntake implements DirectApiRoute {

    /** Larger bodies, and bodies of unknown length, go through Spring MVC. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private static final String PATH = "/api/cases";

    private final CaseController controller;
    private final MappingJackson2HttpMessageConverter json;
    private final LongAdder answered = new LongAdder();

    DirectIntake(CaseController controller, MappingJackson2HttpMessageConverter json) {
        this.controller = controller;
        this.json = json;
    }

    @Override
    public boolean takes(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI())
                && length > 0 && length <= MAX_BODY_BYTES
                && isUtf8Json(request.getContentType()) && acceptsJson(Collections.list(request.getHeaders("Accept")));
    }

    @Override
    public String pathPattern() {
        return PATH;
    }

    @Override
    public void answer(HttpServletRequest request, HttpServletResponse response, StaffMember staff) throws IOException {
        HttpInputMessage input = body(request);
        NewCase body = (NewCase) json.read(NewCase.class, input);
        if (body == null) {
            // The body was the JSON literal null: to Spring MVC, a missing body.
            throw new HttpMessageNotReadableException("Required request body is missing", input);
        }
        ResponseEntity<CaseDetails> answer = controller.receive(body, staff, request.getHeader("Idempotency-Key"));
        answered.increment(); // before the answer goes out, so that whoever reads it sees the count
        ServletServerHttpResponse output = new ServletServerHttpResponse(response);
        output.setStatusCode(answer.getStatusCode());
        output.getHeaders().putAll(answer.getHeaders());
        json.write(answer.getBody(), MediaType.APPLICATION_JSON, output);
        output.flush();
    }

    /**
     * The body with the one header the converter reads (its media type and charset); Spring's
     * ServletServerHttpRequest would copy every request header first.
     */
    private static HttpInputMessage body(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, request.getContentType());
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() throws IOException {
                return request.getInputStream();
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** How many intakes this route recorded (the rest went through Spring MVC). */
    long answered() {
        return answered.sum();
    }

    private static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (IllegalArgumentException unclear) {
            return false;
        }
    }

    /** No Accept header, or one that accepts application/json. */
    private static boolean acceptsJson(List<String> accept) {
        if (accept.isEmpty()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.includes(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0);
        } catch (IllegalArgumentException unclear) {
            return false;
        }
    }
}
