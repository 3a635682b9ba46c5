package org.onegrid.pages;

import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.FieldProblem;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;

/**
 * A refusal turned into what a form shows: each field's reason next to the field, and the
 * problem's detail at the top when no field is named. The typed values go back with it.
 */
final class FormErrors {

    private FormErrors() {
    }

    static void show(Model model, RuntimeException refused) {
        ApiProblemException problem = ApiProblemException.of(refused);
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldProblem p : problem.errors()) {
            byField.merge(p.field(), p.reason(), (a, b) -> a + "; " + b);
        }
        model.addAttribute("errors", byField);
        model.addAttribute("formProblem", byField.isEmpty() ? problem.getMessage() : null);
    }

    /** Adds a refusal's reasons to {@code errors} by field; a refusal naming no field goes under {@code _}. */
    static void collect(RuntimeException refusal, Map<String, String> errors) {
        ApiProblemException refused = ApiProblemException.of(refusal);
        refused.errors().forEach(p -> errors.merge(p.field(), p.reason(), (a, b) -> a + "; " + b));
        if (refused.errors().isEmpty()) {
            errors.put("_", refused.getMessage());
        }
    }

    /** Reads an optional number typed into a form; a non-number becomes a field error. */
    static Double number(String field, String value, Map<String, String> errors) {
        return parsed(field, value, Double::valueOf, "must be a number", errors);
    }

    /** Reads an optional value typed into a form; what does not parse becomes the field's error. */
    static <T> T parsed(String field, String value, Function<String, T> parse, String reason, Map<String, String> errors) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeException unreadable) { // numbers, dates
            errors.put(field, reason);
            return null;
        }
    }

    /**
     * Does what a page's form asked unless its fields did not read ({@code errors} holds them),
     * flashing {@code done} on success; a refusal's reasons join the errors, which are flashed
     * either way (flash attributes live in the session: plain strings only).
     */
    static void attempt(Map<String, String> errors, org.springframework.web.servlet.mvc.support.RedirectAttributes flash,
                        String done, Runnable action) {
        try {
            if (errors.isEmpty()) {
                action.run();
                flash.addFlashAttribute("done", done);
            }
        } catch (org.onegrid.errors.ApiProblemException | org.onegrid.errors.Refusal refusal) {
            collect(refusal, errors);
        }
        flash.addFlashAttribute("errors", errors);
    }
}
