package org.onegrid.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test that uses up the per-address limits on purpose (every test shares one application and
 * so one set of counters): each of its tests starts and ends with no address over a limit.
 */
abstract class RateLimitedApiTest extends ApiTest {

    @Autowired
    AddressLimits addressLimits;

    @BeforeEach
    @AfterEach
    void forgetTheLimits() {
        addressLimits.clear();
    }
}
