package org.onegrid.security;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The counters behind the abuse limits, one set per application instance, shared by the API's
 * and the pages' filter chains, so that an address's failed sign-ins and public calls count
 * once whichever door they come through.
 */
@Component
final class AddressLimits {

    final ClientRateLimiter signInFailures;
    final ClientRateLimiter publicRequests;

    AddressLimits(RateLimitProperties properties) {
        Duration window = Duration.ofSeconds(properties.windowSeconds());
        this.signInFailures = new ClientRateLimiter(properties.signInFailures(), window);
        this.publicRequests = new ClientRateLimiter(properties.publicRequests(), window);
    }

    /** Forgets every count: for tests that use up a limit on purpose and must not leave it used up. */
    void clear() {
        signInFailures.clear();
        publicRequests.clear();
    }
}
