package org.onegrid.cases;

import java.util.regex.Pattern;

/**
 * What staff type into the search box, read as one of: a tracking code (20261122-000401), a
 * phone number or its last digits (at least 4), or words in the title or description. A phone
 * is matched only for the roles that see reporters unmasked; for the others the digits are
 * words, so that a masked phone cannot be found out by searching for it.
 */
public record CaseSearch(String code, String phoneDigits, String words) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern CODE = Pattern.compile("\\d{8}-\\d{6}");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s()-]{7,30}");

    /** The search for {@code text}, or null when it is blank. */
    public static CaseSearch parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (CODE.matcher(t).matches()) {
            return new CaseSearch(t, null, null);
        }
        String digits = t.replaceAll("\\D", "");
        if (PHONE.matcher(t).matches() && digits.length() >= 7) {
            return new CaseSearch(null, digits, null);
        }
        return new CaseSearch(null, null, t);
    }

    /** The same search for a viewer who may not match phones: digits are looked for as text. */
    CaseSearch withoutPhones() {
        return phoneDigits == null ? this : new CaseSearch(null, null, phoneDigits);
    }

    /** {@code words} as a LIKE pattern that finds them anywhere, their own % and _ taken literally. */
    String wordsPattern() {
        return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
