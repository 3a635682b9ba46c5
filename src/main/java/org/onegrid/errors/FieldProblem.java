package org.onegrid.errors;

/** One thing wrong with a request: which field (a JSON path, parameter or header) and why. */
public record FieldProblem(String field, String reason) {
}
