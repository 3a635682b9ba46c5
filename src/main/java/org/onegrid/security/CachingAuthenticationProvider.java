package org.onegrid.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a username and password with the adaptive hash once, then remembers the success for a
 * short time under a SHA-256 digest of the pair and the client's address (never the password
 * itself). A source locked out of an account by {@link org.onegrid.directory.SignInBackoff} is
 * refused before the hash is run. Failures are not
 * remembered, and an entry expires after {@code ttl}, so a changed or disabled account is
 * refused again within that time. Requests that bring the same pair while it is being checked
 * share that check and its outcome.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private record Entry(String username, Authentication authentication, long expiresAtNanos) {
    }

    private static final int MAX_ENTRIES = 10_000;

    /**
     * Asked before every password check whether the source (the client's address) is locked out
     * of the account, and told of every check that failed or succeeded, by username and source.
     */
    interface SignInListener {
        boolean locked(String username, String source);

        void failed(String username, String source);

        void succeeded(String username, String source);
    }

    private final AuthenticationProvider delegate;
    private final SignInListener listener;
    private final long ttlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, SignInListener listener, Duration ttl) {
        this.delegate = delegate;
        this.listener = listener;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        // Per source too: a success remembered for one address does not let another past its lock.
        String key = digest(authentication.getName() + '\u0000' + sourceOf(authentication),
                String.valueOf(authentication.getCredentials()));
        Authentication known = remembered(key);
        if (known != null) {
            return known;
        }
        // One check per pair at a time: when an entry expires under load, the requests that bring
        // the same credentials meanwhile wait for that check instead of each running the hash.
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return outcomeOf(running);
        }
        try {
            Authentication justChecked = remembered(key); // by a check that ended after the first look
            Authentication result = justChecked != null ? justChecked : check(authentication, key);
            mine.complete(result);
            return result;
        } catch (RuntimeException failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** The remembered success for this pair, or null when there is none or it has expired. */
    private Authentication remembered(String key) {
        Entry entry = cache.get(key);
        return entry != null && entry.expiresAtNanos() - System.nanoTime() > 0 ? entry.authentication() : null;
    }

    private static Authentication outcomeOf(CompletableFuture<Authentication> check) {
        try {
            return check.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The adaptive-hash check, remembered on success. */
    private Authentication check(Authentication authentication, String key) {
        long now = System.nanoTime();
        String source = sourceOf(authentication);
        if (listener.locked(authentication.getName(), source)) {
            throw new org.springframework.security.authentication.LockedException("locked for this address");
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException wrongPassword) {
            // A failure may lock this source out: forget its remembered sign-ins so that the lock holds.
            cache.values().removeIf(e -> e.username().equals(authentication.getName()));
            listener.failed(authentication.getName(), source);
            throw wrongPassword;
        }
        listener.succeeded(authentication.getName(), source);
        if (result != null && result.isAuthenticated()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            Authentication stored = UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                    result.getAuthorities());
            cache.put(key, new Entry(authentication.getName(), stored, now + ttlNanos));
            return stored;
        }
        return result;
    }

    /** The client's address, as the filter that read the credentials recorded it. */
    static String sourceOf(Authentication authentication) {
        return authentication.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Looking up a MessageDigest per request showed in profiles; each thread keeps its own. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String digest(String username, String password) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(username.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
