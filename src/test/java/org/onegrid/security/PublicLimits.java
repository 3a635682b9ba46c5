package org.onegrid.security;

import org.springframework.context.ApplicationContext;

/** For tests of other packages that call the public endpoints more often than one address may: forget the counts. */
public final class PublicLimits {

    private PublicLimits() {
    }

    public static void forget(ApplicationContext context) {
        context.getBean(AddressLimits.class).clear();
    }
}
