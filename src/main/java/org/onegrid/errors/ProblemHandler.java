package org.onegrid.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into a problem document. Client mistakes are 4xx and name the field;
 * anything unexpected is a bare 500 with no stack trace, SQL or class names, and is logged.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the pages' own advice, which turns a page's refusals into pages
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<Object> apiProblem(ApiProblemException e, WebRequest request) {
        return problem(ProblemDocuments.of(e));
    }

    /** A domain's refusal: not permitted is 403, illegal in the current state is 409. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal e) {
        return problem(ProblemDocuments.of(e.asProblem()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> argumentMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(e.getName(), describeExpected(e.getRequiredType(), e.getValue()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
        return invalid(e.getHeaderName(), "header is required");
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(Exception e) {
        return problem(ProblemDocuments.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "your role may not do this", List.of(), Map.of()));
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(Exception e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OneGrid\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDocuments.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "sign in with a valid username and password", List.of(), Map.of()));
    }

    /**
     * A value the firewall refuses when it is read (a control character in a query or form
     * value): 400. The value itself is neither echoed nor logged raw.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        log.info("Refused a request with a disallowed value: {}", LogSafe.text(e.getMessage()));
        return invalid("parameter", "a query or form value holds a control character or another character that "
                + "is not allowed");
    }

    /**
     * A multipart body that cannot be parsed (cut off, no boundary): 400, not a failure of the
     * server. (One over the size limit is the more specific MaxUploadSizeExceededException: 413.)
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> brokenMultipart(org.springframework.web.multipart.MultipartException e) {
        return invalid("body", "is not a readable multipart form (cut off, or without its boundary)");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info("Refused a write that breaks a database constraint: {}", LogSafe.text(e.getMostSpecificCause().getMessage()));
        return problem(ProblemDocuments.of(HttpStatus.CONFLICT, "constraint", "Conflicting data",
                "the change conflicts with existing data", List.of(), Map.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", LogSafe.text(request.getMethod()), LogSafe.text(request.getRequestURI()), e);
        return problem(ProblemDocuments.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the server could not complete the request; it has been logged", List.of(), Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            return invalid(path(invalid), describeExpected(invalid.getTargetType(), invalid.getValue()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(path(unknown), "unknown property");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.isEmpty()) {
                return invalid("body", "must be a JSON object");
            }
            return invalid(field, describeExpected(mismatch.getTargetType(), null));
        }
        if (cause instanceof JsonParseException parse) {
            return invalid("body", "malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr());
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return invalid(field.isEmpty() ? "body" : field, "has an unacceptable value");
        }
        if (cause instanceof JsonProcessingException || cause instanceof java.io.CharConversionException) {
            return invalid("body", "is not valid JSON or not valid UTF-8");
        }
        return invalid("body", "is missing or unreadable");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        return invalid(e.getPropertyName() == null ? "parameter" : e.getPropertyName(),
                describeExpected(e.getRequiredType(), e.getValue()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return invalid(e.getParameterName(), "is required");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
        }
        return response;
    }

    private static ResponseEntity<Object> invalid(String field, String reason) {
        return problem(ProblemDocuments.of(ApiProblemException.invalid(field, reason)));
    }

    private static ResponseEntity<Object> problem(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describeExpected(Class<?> type, Object value) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time such as 2024-09-30T10:00:00+08:00";
        }
        return "must be a valid " + type.getSimpleName();
    }
}
