package org.onegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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

    @org.springframework.beans.factory.annotation.Autowired
    org.onegrid.directory.DirectoryService directory;

    @Test
    void wrongPasswordsFromOneAddressLockOnlyThatAddressOutOfTheAccount() {
        String user = "soft" + System.nanoTime() % 100000;
        for (int i = 0; i < 5; i++) {
            directory.recordFailedSignIn(user, "203.0.113.7");
        }
        assertThat(directory.signInLocked(user, "203.0.113.7")).isTrue();
        assertThat(directory.signInLocked(user, "198.51.100.20")).as("the owner at the office").isFalse();
        // The owner's success elsewhere does not lift the guesser's lock; the guesser's own success would.
        directory.recordSuccessfulSignIn(user, "198.51.100.20");
        assertThat(directory.signInLocked(user, "203.0.113.7")).isTrue();
        directory.recordSuccessfulSignIn(user, "203.0.113.7");
        assertThat(directory.signInLocked(user, "203.0.113.7")).isFalse();
    }

    /** A sign-in form that declares 1,000 bytes and sends 10: its thread waits for the rest. */
    private java.net.Socket slowBody() throws java.io.IOException {
        java.net.Socket socket = new java.net.Socket("localhost", port);
        socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=a")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void slowBodiesFromOneAddressCannotTakeEveryRequestThread() throws Exception {
        int cap = 20; // onegrid.rate-limit.bodies-per-address in the test profile
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) {
                slow.add(slowBody());
            }
            // Once the cap's worth of bodies is in progress, the next request with a body is turned
            // away at once. (Until the server has them all, a request may still pass; each that
            // passes adds one more slow body.)
            Response refused = null;
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && (refused == null || refused.status() != 503)) {
                refused = http().post("/api/cases", "agent", newCaseJson("慢速上传期间", "0101"));
                if (refused.status() != 503) {
                    slow.add(slowBody());
                    Thread.sleep(50);
                }
            }
            assertThat(refused.status()).as("after %d slow bodies", slow.size()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            // ...while requests without one are served as usual.
            assertThat(http().get("/api/me", "agent").status()).isEqualTo(200);
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
        Response after = null;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (after == null || after.status() != 201)) {
            after = http().post("/api/cases", "agent", newCaseJson("慢速上传之后", "0101"));
        }
        assertThat(after.status()).isEqualTo(201);
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
        // A token cannot mint another (one that would outlive it): that needs the password.
        Response minted = http().post("/api/tokens", null, "{\"name\":\"续命\",\"days\":365}", "Authorization", "Bearer " + secret);
        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.raw().body()).doesNotContain("og_");
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
