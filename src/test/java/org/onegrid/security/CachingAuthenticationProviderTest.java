package org.onegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Concurrent requests with the same credentials share one password check. */
class CachingAuthenticationProviderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    /** A slow check, as bcrypt is: "demo" is the password. */
    private final AuthenticationProvider slowCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!"demo".equals(request.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_INTAKE_AGENT"));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(slowCheck,
            new CachingAuthenticationProvider.SignInListener() {
                @Override
                public boolean locked(String username, String source) {
                    return false;
                }

                @Override
                public void failed(String username, String source) {
                    failures.incrementAndGet();
                }

                @Override
                public void succeeded(String username, String source) {
                }
            }, Duration.ofMinutes(5));

    @Test
    void sixteenRequestsWithTheSameCredentialsRunOneCheck() throws Exception {
        List<Object> outcomes = together(16, "demo");
        assertThat(checks.get()).isEqualTo(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Authentication.class));
        assertThat(outcomes).allSatisfy(o -> assertThat(((Authentication) o).isAuthenticated()).isTrue());
        // Remembered afterwards: no further check.
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("agent", "demo"));
        assertThat(checks.get()).isEqualTo(1);
    }

    @Test
    void aSharedFailureReachesEveryWaitingRequestAndIsNotRemembered() throws Exception {
        List<Object> outcomes = together(8, "wrong");
        assertThat(checks.get()).isEqualTo(1);
        assertThat(failures.get()).isEqualTo(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(BadCredentialsException.class));
        together(1, "wrong");
        assertThat(checks.get()).as("a failure is checked again").isEqualTo(2);
    }

    @Test
    void differentPasswordsAreCheckedEachOnTheirOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> right = pool.submit(() -> provider.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("agent", "demo")));
            Future<?> wrong = pool.submit(() -> {
                try {
                    provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("agent", "guess"));
                } catch (BadCredentialsException expected) {
                    // the point
                }
            });
            right.get();
            wrong.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(checks.get()).isEqualTo(2);
    }

    /** Sends {@code n} sign-ins as agent with {@code password} at once; their results or exceptions. */
    private List<Object> together(int n, String password) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("agent", password));
                    } catch (BadCredentialsException refused) {
                        return refused;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
