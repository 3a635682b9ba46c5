package org.onegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onegrid.support.Http.Response;

/** Sign-in back-off, API tokens, security headers, and the public look-up with its rate limit. */
class SignInAndAbuseTest extends RateLimitedApiTest {

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForAWhile() {
        String user = "lock" + System.nanoTime() % 100000;
        assertThat(http().post("/api/staff", "admin", """
                {"username":"%s","displayName":"锁定测试","role":"INTAKE_AGENT","password":"correct-horse"}
                """.formatted(user)).status()).isEqualTo(201);
        assertThat(http().get("/api/me", user + ":correct-horse").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(http().get("/api/me", user + ":wrong-" + i).status()).isEqualTo(401);
        }
        // Locked now: even the right password is refused until the back-off ends.
        assertThat(http().get("/api/me", user + ":correct-horse-typo").status()).isEqualTo(401);
        Response locked = http().get("/api/me", user + ":correct-horse");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.contentType()).startsWith("application/problem+json");
    }

    @Test
    void apiTokensWorkUntilRevokedAndAreNeverShownAgain() {
        Response created = http().post("/api/tokens", "dispatcher", "{\"name\":\"报表脚本\",\"days\":30}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().get("secret").asText();
        long id = created.body().get("token").get("id").asLong();
        assertThat(secret).startsWith("og_");
        Response me = http().getWithHeader("/api/me", "Authorization", "Bearer " + secret);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asText()).isEqualTo("dispatcher");
        assertThat(http().get("/api/tokens", "dispatcher").raw().body()).doesNotContain(secret);
        assertThat(http().delete("/api/tokens/" + id, "dispatcher").status()).isEqualTo(204);
        assertThat(http().getWithHeader("/api/me", "Authorization", "Bearer " + secret).status()).isEqualTo(401);
        assertThat(http().getWithHeader("/api/me", "Authorization", "Bearer og_made-up").status()).isEqualTo(401);
        assertThat(http().post("/api/tokens", "dispatcher", "{\"name\":\"x\",\"days\":0}").status()).isEqualTo(400);
        // Somebody else's token id is not yours to revoke.
        long other = http().post("/api/tokens", "agent", "{\"name\":\"y\"}").body().get("token").get("id").asLong();
        assertThat(http().delete("/api/tokens/" + other, "dispatcher").status()).isEqualTo(404);
    }

    @Test
    void responsesCarrySecurityHeadersAndNoStackTraces() {
        Response r = http().get("/api/cases/1", "agent");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(r.header("Cache-Control")).contains("no-store");
    }

    @Test
    void residentsLookUpTheirCaseByCodeAndPhoneDigitsWithinALimit() {
        Response created = http().post("/api/cases", "agent", newCaseJson("查询测试", "0101"));
        String code = created.body().get("code").asText();
        Response found = http().get("/api/public/cases/" + code + "?phone=0000", null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("state").asText()).isEqualTo("RECEIVED");
        assertThat(found.raw().body()).doesNotContain("13800000000").doesNotContain("reporter");
        assertThat(http().get("/api/public/cases/" + code + "?phone=1234", null).status()).isEqualTo(404);
        assertThat(http().get("/api/public/cases/" + code + "?phone=12", null).status()).isEqualTo(400);
        Response limited = null;
        for (int i = 0; i < 30 && (limited == null || limited.status() != 429); i++) {
            limited = http().get("/api/public/cases/" + code + "?phone=0000", null);
        }
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, Duration.ofMinutes(1).toSeconds());
        assertThat(limited.contentType()).startsWith("application/problem+json");
    }
}
