package org.onegrid.directory;

import java.time.Duration;

/**
 * Sign-in back-off (登录失败锁定): from the {@link #FAILURES_BEFORE_LOCK}th wrong password in a
 * row from one source address, that address is locked out of the account for {@link #FIRST_LOCK},
 * doubling with each further failure up to {@link #LONGEST_LOCK}; a correct password from that
 * address clears its count. The lock is soft, per source: someone guessing from one address does
 * not shut the account's owner out at another. Doubling rather than a fixed long
 * lock keeps an attacker from shutting a dispatcher out for the day with a few guesses, while the
 * per-address limit (security module) slows the guessing itself.
 */
public final class SignInBackoff {

    public static final int FAILURES_BEFORE_LOCK = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    public static final Duration LONGEST_LOCK = Duration.ofMinutes(60);

    private SignInBackoff() {
    }

    /** How long the account is locked after this many failures in a row; zero below the threshold. */
    public static Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < FAILURES_BEFORE_LOCK) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - FAILURES_BEFORE_LOCK, 16);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
