package org.onegrid.security;

import java.util.Optional;
import org.onegrid.directory.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in on this request, whether by API credentials or a page session. */
public final class SignedIn {

    private SignedIn() {
    }

    /** Whether this request signed in with an API token rather than a password. */
    static boolean byToken() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && BearerTokenFilter.BY_TOKEN.equals(auth.getDetails());
    }

    public static Optional<StaffMember> staff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal.staff());
        }
        return Optional.empty();
    }
}
