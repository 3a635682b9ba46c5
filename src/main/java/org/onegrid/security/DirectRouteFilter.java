package org.onegrid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.onegrid.directory.StaffMember;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The last filter of the API's chain: hands a signed-in request to the {@link DirectApiRoute}
 * that takes it, or on to Spring MVC. Failures go to Spring MVC's exception resolvers, so a
 * direct route answers a mistake with the same problem document a controller would.
 */
final class DirectRouteFilter extends OncePerRequestFilter {

    private final List<DirectApiRoute> routes;
    private final HandlerExceptionResolver errors;

    DirectRouteFilter(List<DirectApiRoute> routes, HandlerExceptionResolver errors) {
        this.routes = routes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<StaffMember> staff = routes.isEmpty() ? Optional.empty() : SignedIn.staff();
        if (staff.isPresent()) {
            for (DirectApiRoute route : routes) {
                if (route.takes(request)) {
                    ServerHttpObservationFilter.findObservationContext(request)
                            .ifPresent(context -> context.setPathPattern(route.pathPattern()));
                    answer(route, request, response, staff.get());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void answer(DirectApiRoute route, HttpServletRequest request, HttpServletResponse response,
                        StaffMember staff) throws ServletException, IOException {
        try {
            route.answer(request, response, staff);
        } catch (IOException | RuntimeException failure) {
            if (errors.resolveException(request, response, null, failure) == null) {
                throw failure;
            }
        }
    }
}
