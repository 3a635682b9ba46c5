package org.onegrid.petitions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import org.onegrid.errors.ApiProblemException;

/** Reads a mediation's form fields (the API's multipart form and the page's), naming a field that does not read. */
public final class MediationForm {

    private MediationForm() {
    }

    public static Petitions.NewMediation read(Map<String, String> form) {
        return new Petitions.NewMediation(number(form, "committeeUnitId"), date(form, "heldOn"), form.get("parties"),
                blank(form.get("outcome")), blank(form.get("terms")), date(form, "followUpOn"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Long number(Map<String, String> form, String field) {
        String v = blank(form.get(field));
        try {
            return v == null ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException notANumber) {
            throw ApiProblemException.invalid(field, "must be a unit's id");
        }
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String v = blank(form.get(field));
        try {
            return v == null ? null : LocalDate.parse(v.strip());
        } catch (DateTimeException notADate) {
            throw ApiProblemException.invalid(field, "must be a date such as 2026-12-04");
        }
    }
}
