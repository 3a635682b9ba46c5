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
    /** The years a date in a request may name: any real case's, with room on both sides. */
    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 2199;

    private final List<FieldProblem> problems = new ArrayList<>();

    public Validation reject(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
        return this;
    }

    /** Required text: present, not blank, not longer than {@code max}. Returns the trimmed value. */
    public String requiredText(String field, String value, int max) {
        String text = optionalText(field, value, max);
        if (text == null) {
            reject(field, "must not be empty");
        }
        return text;
    }

    /** Optional text: null, blank or only invisible characters gives null; otherwise at most {@code max} characters. */
    public String optionalText(String field, String value, int max) {
        String trimmed = value == null ? null : withoutInvisibles(value).strip();
        if (trimmed == null || trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > max) {
            reject(field, "must be at most " + max + " characters (got " + trimmed.length() + ")");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t')) {
            reject(field, "must not contain control characters (such as NUL or escape)");
        }
        return trimmed;
    }

    /**
     * Removes the characters that change how text reads without being seen: bidi embeddings,
     * overrides, isolates and marks (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C),
     * zero-width spaces and joiners other than the one emoji sequences need (U+200B, U+200C,
     * U+2060-U+2064, U+FEFF). A title can then not show one thing and sort or search as another.
     */
    public static String withoutInvisibles(String value) {
        if (value == null || value.codePoints().noneMatch(Validation::invisible)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(c -> !invisible(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean invisible(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || c == 0x200B || c == 0x200C || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
    }

    public void range(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max || Double.isNaN(value.doubleValue()))) {
            reject(field, "must be between " + trimNumber(min) + " and " + trimNumber(max));
        }
    }

    /** A year within {@link #EARLIEST_YEAR}-{@link #LATEST_YEAR}; a date beyond is a client's mistake (400). */
    public void year(String field, Integer year) {
        if (year != null && (year < EARLIEST_YEAR || year > LATEST_YEAR)) {
            reject(field, "must be a date in the years " + EARLIEST_YEAR + " to " + LATEST_YEAR + ", got the year " + year);
        }
    }

    /** A year checked as {@link #year}, refused at once (400) when outside. */
    public static void requireYear(String field, int year) {
        Validation v = new Validation();
        v.year(field, year);
        v.throwIfInvalid();
    }

    /** A month written YYYY-MM within the years {@link #year} allows; anything else is refused at once (400). */
    public static java.time.YearMonth requireMonth(String field, String text) {
        try {
            java.time.YearMonth m = java.time.YearMonth.parse(text == null ? "" : text.trim());
            requireYear(field, m.getYear());
            return m;
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblemException.invalid(field, "must be a month as YYYY-MM, such as 2026-11");
        }
    }

    /** The UTC year of {@code moment}, checked as {@link #year}. */
    public void moment(String field, java.time.Instant moment) {
        if (moment != null) {
            year(field, moment.atOffset(java.time.ZoneOffset.UTC).getYear());
        }
    }

    /** A mainland mobile number: 11 digits, 13x to 19x (residents and volunteers who are told by SMS). */
    public static boolean isMobile(String phone) {
        return phone != null && phone.matches("1[3-9][0-9]{9}");
    }

    /** Any phone a person may give: 5 to 20 digits, spaces, + and - (a landline with its area code, an extension). */
    public static boolean isPhone(String phone) {
        return phone != null && phone.strip().matches("[0-9+\\- ]{5,20}");
    }

    /** A mobile number, when one is given. */
    public void mobile(String field, String phone) {
        if (phone != null && !isMobile(phone)) {
            reject(field, "must be an 11-digit mobile number");
        }
    }

    /** A phone number, when one is given (blank is none). */
    public void phone(String field, String phone) {
        if (phone != null && !phone.isBlank() && !isPhone(phone)) {
            reject(field, "must be a phone number of 5 to 20 digits");
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
