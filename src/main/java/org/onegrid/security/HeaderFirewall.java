package org.onegrid.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its character rules for header and parameter names and
 * values written as loops instead of regular expressions. The rules are the same (every code
 * point assigned and not a control character; a tab also allowed in header values; a tab and
 * line breaks in parameter values, which is what a form's multi-line text field sends), but the
 * firewall checks a header each time anything reads it, and the regular expressions took about
 * 4% of an intake's time on the two-core reference machine (docs/benchmarks.md).
 */
final class HeaderFirewall {

    /** The rule of names: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static final Predicate<String> ASSIGNED_NOT_CONTROL = text -> printable(text, false, false);

    /**
     * The rule of parameter values: as names, and a tab, CR and LF, the line breaks a textarea
     * sends (CRLF); NUL, escape and the other control characters stay refused.
     */
    static final Predicate<String> ASSIGNED_NOT_CONTROL_OR_LINES = text -> printable(text, true, true);

    /** The rule of header values: {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static final Predicate<String> ASSIGNED_NOT_CONTROL_OR_TAB = text -> printable(text, true, false);

    private HeaderFirewall() {
    }

    static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(ASSIGNED_NOT_CONTROL);
        firewall.setAllowedHeaderValues(ASSIGNED_NOT_CONTROL_OR_TAB);
        firewall.setAllowedParameterNames(ASSIGNED_NOT_CONTROL);
        firewall.setAllowedParameterValues(ASSIGNED_NOT_CONTROL_OR_LINES);
        return firewall;
    }

    private static boolean printable(String text, boolean tabAllowed, boolean linesAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean allowed = tabAllowed && codePoint == '\t' || linesAllowed && (codePoint == '\r' || codePoint == '\n');
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
