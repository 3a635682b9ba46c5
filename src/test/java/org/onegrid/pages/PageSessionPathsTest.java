package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Page sessions wrap the page paths only; every page a controller of this package serves lies
 * under one of them, or its users would appear signed out there.
 */
class PageSessionPathsTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    @Qualifier("sessionRepositoryFilterRegistration")
    DelegatingFilterProxyRegistrationBean sessions;

    @Test
    void everyPageIsUnderASessionPathAndTheApiIsNot() {
        Set<String> sessionPaths = Set.copyOf(sessions.getUrlPatterns());
        List<String> pages = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().equals("org.onegrid.pages"))
                .flatMap(e -> e.getKey().getPatternValues().stream())
                .filter(p -> !p.startsWith("/map/"))
                .collect(Collectors.toList());
        assertThat(pages).isNotEmpty().allSatisfy(page -> assertThat(covered(page, sessionPaths))
                .as("%s lies under a page-session path %s", page, sessionPaths).isTrue());
        assertThat(covered("/api/cases", sessionPaths)).isFalse();
    }

    /** Servlet URL patterns: "" the root, "/x" exactly, "/x/*" /x and everything below it. */
    private static boolean covered(String path, Set<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.isEmpty() ? path.equals("/") : pattern.endsWith("/*")
                    ? path.equals(pattern.substring(0, pattern.length() - 2)) || path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
