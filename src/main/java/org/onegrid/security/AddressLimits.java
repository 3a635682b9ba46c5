package org.onegrid.security;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The counters behind the abuse limits, kept in the database so that they hold across every
 * instance, shared by the API's and the pages' filter chains, so that an address's failed
 * sign-ins and public calls count once whichever door (and whichever instance) they come through.
 */
@Component
final class AddressLimits {

    final ClientRateLimiter signInFailures;
    final ClientRateLimiter publicRequests;

    AddressLimits(RateLimitProperties properties, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Duration window = Duration.ofSeconds(properties.windowSeconds());
        this.signInFailures = new ClientRateLimiter("sign-in", properties.signInFailures(), window, jdbc);
        this.publicRequests = new ClientRateLimiter("public", properties.publicRequests(), window, jdbc);
    }

    /** Forgets every count: for tests that use up a limit on purpose and must not leave it used up. */
    void clear() {
        signInFailures.clear();
        publicRequests.clear();
    }
}
