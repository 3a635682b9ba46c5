package org.onegrid.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Abuse limits per client address (per instance).
 *
 * @param signInFailures failed sign-ins allowed per address per window before 429
 * @param publicRequests requests to public endpoints ({@code /api/public/**}) per address per window
 * @param windowSeconds  the window
 */
@ConfigurationProperties("onegrid.rate-limit")
public record RateLimitProperties(Integer signInFailures, Integer publicRequests, Integer windowSeconds) {

    public RateLimitProperties {
        signInFailures = signInFailures == null ? 20 : signInFailures;
        publicRequests = publicRequests == null ? 60 : publicRequests;
        windowSeconds = windowSeconds == null ? 60 : windowSeconds;
    }
}
