package org.onegrid.errors;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents in one shape for the whole API. */
public final class ProblemDocuments {

    private ProblemDocuments() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail,
                                   List<FieldProblem> errors, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(ApiProblemException e) {
        return of(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), e.properties());
    }
}
