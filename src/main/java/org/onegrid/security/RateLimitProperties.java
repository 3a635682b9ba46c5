package org.onegrid.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Abuse limits per client address (per instance).
 *
 * @param signInFailures failed sign-ins allowed per address per window before 429
 * @param publicRequests requests to public endpoints ({@code /api/public/**}) per address per window
 * @param windowSeconds  the window
 * @param bodiesPerAddress requests with a body one address may have in progress at once (the
 *                       rest get 503 at once), so that slow bodies from one address cannot hold
 *                       every request thread; half of {@code server.tomcat.threads.max} (64)
 */
@ConfigurationProperties("onegrid.rate-limit")
public record RateLimitProperties(Integer signInFailures, Integer publicRequests, Integer windowSeconds,
                                  Integer bodiesPerAddress) {

    public RateLimitProperties {
        signInFailures = signInFailures == null ? 20 : signInFailures;
        publicRequests = publicRequests == null ? 60 : publicRequests;
        windowSeconds = windowSeconds == null ? 60 : windowSeconds;
        bodiesPerAddress = bodiesPerAddress == null ? 32 : bodiesPerAddress;
    }
}
