package org.onegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The per-address limit on failed sign-ins holds for the pages' sign-in form as it does for the
 * API (the suite's own limit is set high, so the rule is shown here on a filter of its own, its
 * counts in the same database table).
 */
class RateLimitFilterTest extends org.onegrid.support.ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private AddressLimits limits;
    private RateLimitFilter pages;

    /** Limits of its own (an hour's window, so that the three failures cannot straddle two), counted in the database. */
    @org.junit.jupiter.api.BeforeEach
    void filter() {
        limits = new AddressLimits(new RateLimitProperties(3, 100, 3600, 32), jdbc);
        limits.clear();
        pages = new RateLimitFilter(limits, new ObjectMapper(), request -> false);
    }

    @org.junit.jupiter.api.AfterEach
    void forget() {
        limits.clear();
    }

    private static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        return request;
    }

    private int status(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        pages.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void anAddressThatFailedTheSignInFormTooOftenGets429OnTheFormButOthersDoNot() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(status(request("POST", "/login", "203.0.113.7"))).isEqualTo(200);
            pages.signInFailed(request("POST", "/login", "203.0.113.7"));
        }
        MockHttpServletRequest again = request("POST", "/login", "203.0.113.7");
        again.addHeader("Accept", "text/html");
        MockHttpServletResponse refused = new MockHttpServletResponse();
        pages.doFilter(again, refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("请求过于频繁");
        assertThat(status(request("POST", "/login", "198.51.100.20"))).isEqualTo(200);
        assertThat(status(request("GET", "/login", "203.0.113.7"))).as("the form itself still shows").isEqualTo(200);
    }

    @Test
    void theDefaultLimitsAre20FailedSignInsAnd60PublicCallsAMinuteAnd32BodiesInProgressPerAddress() {
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null);
        org.assertj.core.api.Assertions.assertThat(defaults.signInFailures()).isEqualTo(20);
        org.assertj.core.api.Assertions.assertThat(defaults.publicRequests()).isEqualTo(60);
        org.assertj.core.api.Assertions.assertThat(defaults.windowSeconds()).isEqualTo(60);
        org.assertj.core.api.Assertions.assertThat(defaults.bodiesPerAddress()).isEqualTo(32);
    }
}
