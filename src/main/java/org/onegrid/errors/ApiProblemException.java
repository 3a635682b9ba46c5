package org.onegrid.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal that becomes a problem document: HTTP status, a short type slug, a title, a
 * detail, the fields at fault and any extra properties (such as a case's current state).
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** A refusal in its problem form: itself, or a domain's {@link Refusal} mapped to 403 or 409. */
    public static ApiProblemException of(RuntimeException refusal) {
        if (refusal instanceof ApiProblemException problem) {
            return problem;
        }
        if (refusal instanceof Refusal domain) {
            return domain.asProblem();
        }
        throw refusal;
    }

    /** 400: the request is malformed or a value is not acceptable. */
    public static ApiProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldProblem(field, reason)));
    }

    public static ApiProblemException invalid(List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() + ": " + p.reason())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, problems);
    }

    /** 404: no such thing, or none the caller may see. */
    public static ApiProblemException notFound(String what, Object id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                what + " " + id + " does not exist", List.of());
    }

    /** 409: the request conflicts with the current state of the resource. */
    public static ApiProblemException conflict(String type, String title, String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, type, title, detail, List.of());
    }

    /** 403: signed in, but this role or unit may not do this. */
    public static ApiProblemException forbidden(String detail) {
        return new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    /** 422: well-formed, but the values cannot be acted on (a point outside the district). */
    public static ApiProblemException unprocessable(String field, String reason) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "Cannot be processed",
                field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }
}
