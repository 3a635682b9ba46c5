package org.onegrid.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one request so that the client hears about all of them at once.
 * Text limits are the platform's: any free text is at most {@link #MAX_TEXT} characters.
 */
public final class Validation {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_NAME = 200;

    private final List<FieldProblem> problems = new ArrayList<>();

    public Validation reject(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
        return this;
    }

    /** Required text: present, not blank, not longer than {@code max}. Returns the trimmed value. */
    public String requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            reject(field, "must not be empty");
            return null;
        }
        return optionalText(field, value, max);
    }

    /** Optional text: null or blank gives null; otherwise at most {@code max} characters. */
    public String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            reject(field, "must be at most " + max + " characters (got " + trimmed.length() + ")");
        }
        if (trimmed.indexOf('\u0000') >= 0) {
            reject(field, "must not contain NUL characters");
        }
        return trimmed;
    }

    public void range(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max || Double.isNaN(value.doubleValue()))) {
            reject(field, "must be between " + trimNumber(min) + " and " + trimNumber(max));
        }
    }

    public void required(String field, Object value) {
        if (value == null) {
            reject(field, "is required");
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Throws a 400 problem naming every field at fault, if there is any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
    }

    private static String trimNumber(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
