package org.onegrid.volunteering;

import java.time.Instant;
import java.util.Optional;

/**
 * A volunteer checks in and out with the code the organiser shows on site (签到码): six digits,
 * valid until the moment the organiser's page says; a new code replaces the old one.
 */
final class CheckCodePolicy {

    private CheckCodePolicy() {
    }

    static Optional<String> refusal(String given, String current, Instant validUntil, Instant now) {
        if (current == null || validUntil == null) {
            return Optional.of("the organiser has not shown a code for this activity yet");
        }
        if (given == null || !given.trim().equals(current)) {
            return Optional.of("not the code the organiser shows");
        }
        if (!now.isBefore(validUntil)) {
            return Optional.of("the code has expired; ask the organiser for the new one");
        }
        return Optional.empty();
    }
}
