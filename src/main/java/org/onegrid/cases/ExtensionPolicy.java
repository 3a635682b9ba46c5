package org.onegrid.cases;

import java.time.Instant;

/**
 * 延期: the owning unit may ask for more working days only while the deadline in force has not
 * passed (hotline practice: an extension must be asked for before expiry), one request at a time,
 * at most {@link #MAX_DAYS} working days a request; a dispatcher grants or refuses it, and a grant
 * adds the days to the deadline in force.
 */
final class ExtensionPolicy {

    /** The longest extension one request may ask for. */
    public static final int MAX_DAYS = 30;

    private ExtensionPolicy() {
    }

    /** Whether an extension may be asked for at {@code now} against the deadline {@code due} (none: always). */
    public static boolean mayAsk(Instant due, Instant now) {
        return due == null || !now.isAfter(due);
    }
}
