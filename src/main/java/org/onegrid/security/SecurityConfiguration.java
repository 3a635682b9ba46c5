package org.onegrid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API needs a signed-in user on every call but the health check and the OpenAPI document.
 * HTTP Basic, stateless; the password hash (bcrypt) is checked once per credential and then
 * remembered for a few minutes by {@link CachingAuthenticationProvider}. The chain ends with the
 * {@link DirectApiRoute}s, which answer their calls without Spring MVC's dispatch.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

    /**
     * Who works with the ledger, its exports and the assignment sheets: every staff role but grid
     * workers, whose work is their own grids' tasks on the phone pages.
     */
    static final String[] LEDGER_ROLES = {"INTAKE_AGENT", "DISPATCHER", "UNIT_HANDLER", "UNIT_LEADER", "DISTRICT_LEADER",
            "ADMIN"};
    /** Every role but the residents' (volunteers, merchants): theirs open only the volunteering pages and API. */
    static final String[] STAFF_ROLES = {"INTAKE_AGENT", "DISPATCHER", "UNIT_HANDLER", "UNIT_LEADER", "GRID_WORKER",
            "DISTRICT_LEADER", "ADMIN"};

    static {
        // The signed-in staff member is not a request parameter; keep it out of the OpenAPI document.
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffMember.class);
    }

    /**
     * No Spring Security observations: wrapping each of the chain's filters in one cost about a
     * tenth of intake throughput (and, switched off by property only, the wrappers alone still
     * cost a few per cent), and they tell nothing the http.server.requests metric does not.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall Spring Security uses anyway, with cheaper character checks. */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        return HeaderFirewall.strict();
    }

    /** At the engine's door, before every filter: see {@link BodyConcurrencyValve}. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
            org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> bodyConcurrencyValve(
            RateLimitProperties limits, ObjectMapper json) {
        return factory -> factory.addEngineValves(new BodyConcurrencyValve(limits.bodiesPerAddress(), json));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(DirectoryService directory) {
        return username -> directory.credentials(username)
                .map(c -> new StaffPrincipal(c.staff(), c.passwordHash(), c.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    CachingAuthenticationProvider cachingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords,
                                                                DirectoryService directory) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new CachingAuthenticationProvider(dao, new CachingAuthenticationProvider.SignInListener() {
            @Override
            public boolean locked(String username, String source) {
                return directory.signInLocked(username, source);
            }

            @Override
            public void failed(String username, String source) {
                directory.recordFailedSignIn(username, source);
            }

            @Override
            public void succeeded(String username, String source) {
                directory.recordSuccessfulSignIn(username, source);
            }
        }, Duration.ofMinutes(5));
    }

    @Bean
    AuthenticationManager authenticationManager(CachingAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, ObjectMapper json,
                                    AddressLimits limits, ApiTokenService tokens,
                                    org.springframework.beans.factory.ObjectProvider<DirectApiRoute> directRoutes,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors)
            throws Exception {
        RateLimitFilter rateLimits = new RateLimitFilter(limits, json, request -> request.getRequestURI().startsWith("/api/public/")
                || request.getRequestURI().startsWith("/open311/"));
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, rateLimits);
        http.securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
                        publicPaths("/api/**", "/open311/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/error")))
                .authenticationManager(authenticationManager)
                .addFilterBefore(rateLimits, BasicAuthenticationFilter.class)
                .addFilterBefore(new BodySizeLimitFilter(json), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new DirectRouteFilter(directRoutes.orderedStream().toList(), errors), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicPaths("/actuator/health", "/actuator/health/**", "/v3/api-docs",
                                "/v3/api-docs/**", "/error", "/api/public/**", "/open311/**")).permitAll()
                        .requestMatchers(publicPaths("/api/exports", "/api/exports/**", "/api/assignment-sheets",
                                "/api/assignment-sheets/**", "/api/reports/**")).hasAnyRole(LEDGER_ROLES)
                        .requestMatchers(publicPaths("/api/volunteering/**")).authenticated()
                        .anyRequest().hasAnyRole(STAFF_ROLES))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * The pages: a session (kept in PostgreSQL) after a sign-in form, CSRF tokens on every form
     * and htmx request, each page open to the roles that work on it. Residents' pages need no
     * account; their submissions count against the per-address public limit.
     */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager, ObjectMapper json,
                                     AddressLimits limits,
                                     @org.springframework.beans.factory.annotation.Value("${onegrid.map.tile-url:}") String tileUrl)
            throws Exception {
        RateLimitFilter rateLimits = new RateLimitFilter(limits, json,
                request -> "POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/public/"));
        // The tile server's origin, when the maps use one; its URL has {z}/{x}/{y} placeholders.
        java.net.URI tiles = tileUrl.isBlank() ? null : java.net.URI.create(tileUrl.replaceAll("[{}]", ""));
        String tileOrigin = tiles == null ? "" : " " + tiles.getScheme() + "://" + tiles.getAuthority();
        http.authenticationManager(authenticationManager)
                .addFilterBefore(rateLimits, org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        // ECharts writes its tooltips with style attributes; scripts stay same-origin only.
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" + tileOrigin
                                + "; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicPaths("/login", "/denied", "/public", "/public/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/map/grids.geojson", "/map/places.json", "/favicon.ico")).permitAll()
                        .requestMatchers(publicPaths("/intake", "/intake/**")).hasAnyRole("INTAKE_AGENT", "DISPATCHER")
                        .requestMatchers(publicPaths("/dispatch", "/dispatch/**")).hasRole("DISPATCHER")
                        .requestMatchers(publicPaths("/inbox", "/inbox/**")).hasAnyRole("UNIT_HANDLER", "UNIT_LEADER")
                        .requestMatchers(publicPaths("/m", "/m/**")).hasRole("GRID_WORKER")
                        .requestMatchers(publicPaths("/dashboard", "/dashboard/**"))
                        .hasAnyRole("DISTRICT_LEADER", "ADMIN", "DISPATCHER", "UNIT_LEADER")
                        .requestMatchers(publicPaths("/assessment", "/assessment/**"))
                        .hasAnyRole("DISTRICT_LEADER", "ADMIN", "DISPATCHER", "UNIT_LEADER")
                        .requestMatchers(publicPaths("/ledger", "/ledger/**")).hasAnyRole(LEDGER_ROLES)
                        .requestMatchers(publicPaths("/duty", "/duty/**")).hasAnyRole("UNIT_HANDLER", "UNIT_LEADER")
                        .requestMatchers(publicPaths("/admin", "/admin/**")).hasRole("ADMIN")
                        .requestMatchers(publicPaths("/gridwork", "/gridwork/**"))
                        .hasAnyRole("DISTRICT_LEADER", "ADMIN", "DISPATCHER", "UNIT_LEADER")
                        .requestMatchers(publicPaths("/", "/resubmit", "/logout", "/v", "/v/**")).authenticated()
                        .anyRequest().hasAnyRole(STAFF_ROLES))
                .formLogin(form -> form.loginPage("/login").successHandler(toTheFormKeptOrHome())
                        .failureHandler(countedFailure(rateLimits)).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(relativeSignInRedirect())
                        .accessDeniedHandler(keepTheFormOrDeny()));
        return http.build();
    }

    /**
     * A form refused for its CSRF token (the session expired, or it came from an older one) keeps
     * what was typed ({@link PendingForm}) and asks to sign in again, or, signed in, offers to send
     * it again; any other refusal is the "your role cannot open this page" page.
     */
    private static org.springframework.security.web.access.AccessDeniedHandler keepTheFormOrDeny() {
        var denied = new org.springframework.security.web.access.AccessDeniedHandlerImpl();
        denied.setErrorPage("/denied");
        return (request, response, refusal) -> {
            if (refusal instanceof org.springframework.security.web.csrf.CsrfException && PendingForm.keep(request)) {
                response.sendRedirect(SignedIn.staff().isPresent() ? "/resubmit" : "/login?expired");
                return;
            }
            denied.handle(request, response, refusal);
        };
    }

    /** After the sign-in form: to the form kept from an expired session, if any, else to the start page. */
    private static org.springframework.security.web.authentication.AuthenticationSuccessHandler toTheFormKeptOrHome() {
        return (request, response, authentication) ->
                response.sendRedirect(PendingForm.waiting(request.getSession(false)) ? "/resubmit" : "/");
    }

    /** Sends a page request without a session to the sign-in form by a relative Location, whatever Host it named. */
    private static org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint relativeSignInRedirect() {
        var entryPoint = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /** A failed form sign-in counts against the address as a failed API sign-in does, then shows the form again. */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler countedFailure(
            RateLimitFilter rateLimits) {
        var showFormAgain = new org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            rateLimits.signInFailed(request);
            showFormAgain.onAuthenticationFailure(request, response, failure);
        };
    }

    /**
     * Plain path patterns: matching them needs no look-up in Spring MVC's handler mappings,
     * which would otherwise run on every request.
     */
    private static RequestMatcher[] publicPaths(String... patterns) {
        return java.util.Arrays.stream(patterns)
                .map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
                .toArray(RequestMatcher[]::new);
    }

    /** Lets a controller method take the signed-in {@link StaffMember} as a plain parameter. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == StaffMember.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                return SignedIn.staff().orElseThrow(() ->
                        new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("not signed in"));
            }
        });
    }
}
