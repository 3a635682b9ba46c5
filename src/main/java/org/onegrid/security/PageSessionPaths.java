package org.onegrid.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.stereotype.Component;

/**
 * Page sessions (Spring Session JDBC) wrap the pages only: the stateless API never has a session,
 * and wrapping each API request cost about a tenth of intake throughput (docs/benchmarks.md).
 * Every page path must be listed here, or its users would appear signed out on it.
 */
@Component
class PageSessionPaths implements BeanPostProcessor {

    /** The context root (""), and each page's path with everything below it. */
    static final String[] PAGE_PATHS = {"", "/login", "/logout", "/denied", "/intake/*", "/dispatch/*", "/inbox/*",
            "/cases/*", "/m/*", "/dashboard/*", "/public/*", "/map/*", "/ledger/*", "/assessment/*", "/resubmit/*",
            "/duty/*", "/admin/*", "/gridwork/*", "/notifications/*", "/v/*", "/volunteering/*", "/talks/*", "/register/*", "/petitions/*"};

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                && "sessionRepositoryFilterRegistration".equals(beanName)) {
            registration.setUrlPatterns(java.util.List.of(PAGE_PATHS));
        }
        return bean;
    }
}
