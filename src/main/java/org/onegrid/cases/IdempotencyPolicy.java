package org.onegrid.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.onegrid.directory.StaffMember;

/**
 * A retried intake (the same {@code Idempotency-Key} from the same client) answers with the case
 * the first request made and records nothing; the key reused with a different request is refused
 * (422, as the IETF Idempotency-Key draft says). Keys are scoped per client: per account for
 * staff, and per phone number for residents, who share no account.
 */
final class IdempotencyPolicy {

    /** The longest key a client may send. */
    public static final int MAX_KEY = 180;

    private IdempotencyPolicy() {
    }

    /** Whether a retry carries the same request as the case {@code first} it would replay. */
    static boolean sameRequest(CaseSnapshot first, String title, String description, String reporterPhone) {
        return Objects.equals(first.title(), title) && Objects.equals(first.description(), description)
                && Objects.equals(first.reporterPhone(), reporterPhone);
    }

    /**
     * The key as stored: a staff member's as sent (the account scopes it), a resident's prefixed
     * with a digest of the phone number they gave, so that two residents never share one.
     */
    static String scoped(StaffMember actor, String phone, String key) {
        if (key == null || !actor.username().equals(ResidentDesk.RESIDENT.username())) {
            return key;
        }
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(digits.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8) + ":" + key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
