package org.onegrid.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens for programs (接口令牌): a random secret shown once, stored only as its SHA-256,
 * with an expiry, revocable by its owner. A checked token is remembered for {@link #CACHE_TTL},
 * so a revocation takes effect within that time on every instance.
 */
@Service
public class ApiTokenService {

    /** A token as its owner sees it later: never the secret. */
    public record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A new token: the secret, shown this once. */
    public record NewToken(TokenInfo token, String secret) {
    }

    public static final String PREFIX = "og_";
    public static final int MAX_DAYS = 365;
    static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private record Cached(Optional<StaffMember> staff, long expiresAtNanos) {
    }

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokenService(JdbcClient jdbc, DirectoryService directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public NewToken create(StaffMember owner, String name, Integer days) {
        Validation v = new Validation();
        String label = v.requiredText("name", name, 100);
        int lifetime = days == null ? 90 : days;
        v.range("days", lifetime, 1, MAX_DAYS);
        v.throwIfInvalid();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now().plus(Duration.ofDays(lifetime));
        long id = jdbc.sql("INSERT INTO api_token (staff_id, name, token_hash, expires_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(owner.id(), label, sha256(secret), Timestamp.from(expires)).query(Long.class).single();
        return new NewToken(list(owner).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    public List<TokenInfo> list(StaffMember owner) {
        return jdbc.sql("SELECT id, name, created_at, expires_at, revoked_at FROM api_token WHERE staff_id = ? ORDER BY id")
                .param(owner.id())
                .query((rs, i) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    public void revoke(StaffMember owner, long id) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = ? AND staff_id = ? AND revoked_at IS NULL")
                .params(id, owner.id()).update();
        if (changed == 0 && list(owner).stream().noneMatch(t -> t.id() == id)) {
            throw ApiProblemException.notFound("token", id);
        }
        cache.clear();
    }

    /** The staff member a secret belongs to, if it is a live token. */
    Optional<StaffMember> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        long now = System.nanoTime();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expiresAtNanos() - now > 0) {
            return cached.staff();
        }
        Optional<StaffMember> staff = jdbc.sql("""
                SELECT staff_id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > now()
                """).param(hash).query(Long.class).optional().flatMap(directory::staff);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(staff, now + CACHE_TTL.toNanos()));
        return staff;
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
