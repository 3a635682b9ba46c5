package org.onegrid.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A form someone sent after their session expired (or with a token of an older session): what
 * they typed is kept in a fresh session instead of being lost, they sign in again, and a page
 * shows them what was typed with a button to send it again (with a new CSRF token; nothing is
 * sent without that click). Files of a multipart form cannot be kept; the text fields are. Only a
 * form from this site's own pages is kept.
 */
public record PendingForm(String action, List<Field> fields) implements Serializable {

    /** One typed value. */
    public record Field(String name, String value) implements Serializable {
    }

    private static final String KEY = PendingForm.class.getName();
    private static final int MAX_FIELDS = 200;
    private static final int MAX_CHARS = 64 * 1024;

    /**
     * Keeps the typed fields of {@code request}, a form POST to one of this site's pages, in the
     * session (a new one if it expired). False when there is nothing to keep.
     */
    static boolean keep(HttpServletRequest request) {
        String action = request.getRequestURI();
        if (!"POST".equals(request.getMethod()) || !action.startsWith("/") || action.startsWith("//")
                || action.startsWith("/login") || action.startsWith("/logout")) {
            return false;
        }
        if (!fromOurOwnPage(request)) {
            return false;
        }
        List<Field> fields = new ArrayList<>();
        int chars = 0;
        for (var entry : request.getParameterMap().entrySet()) {
            if (entry.getKey().equals("_csrf")) {
                continue;
            }
            for (String value : entry.getValue()) {
                chars += entry.getKey().length() + value.length();
                if (fields.size() >= MAX_FIELDS || chars > MAX_CHARS) {
                    return false;
                }
                fields.add(new Field(entry.getKey(), value));
            }
        }
        request.getSession(true).setAttribute(KEY, new PendingForm(action, List.copyOf(fields)));
        return true;
    }

    /**
     * Only a form that came from one of this site's pages is kept: it carries a CSRF token (of an
     * older session), and the browser does not say it came from another site. A form posted from
     * elsewhere is refused as before, so that no other site can put words in front of a user to
     * send "again".
     */
    private static boolean fromOurOwnPage(HttpServletRequest request) {
        String token = request.getParameter("_csrf");
        if (token == null || token.isBlank() || "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            String authority = java.net.URI.create(origin).getAuthority();
            return authority != null && authority.equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** The kept form, removed from the session: it is shown once. */
    public static Optional<PendingForm> take(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Object kept = session.getAttribute(KEY);
        session.removeAttribute(KEY);
        return kept instanceof PendingForm form ? Optional.of(form) : Optional.empty();
    }

    static boolean waiting(HttpSession session) {
        return session != null && session.getAttribute(KEY) instanceof PendingForm;
    }
}
