package org.onegrid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API needs a signed-in user on every call but the health check and the OpenAPI document.
 * HTTP Basic, stateless; the password hash (bcrypt) is checked once per credential and then
 * remembered for a few minutes by {@link CachingAuthenticationProvider}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

    static {
        // The signed-in staff member is not a request parameter; keep it out of the OpenAPI document.
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffMember.class);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(DirectoryService directory) {
        return username -> directory.credentials(username)
                .map(c -> new StaffPrincipal(c.staff(), c.passwordHash(), c.enabled(), c.lockedUntil()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    CachingAuthenticationProvider cachingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords,
                                                                DirectoryService directory) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new CachingAuthenticationProvider(dao, new CachingAuthenticationProvider.SignInListener() {
            @Override
            public void failed(String username) {
                directory.recordFailedSignIn(username);
            }

            @Override
            public void succeeded(String username) {
                directory.recordSuccessfulSignIn(username);
            }
        }, Duration.ofMinutes(5));
    }

    @Bean
    AuthenticationManager authenticationManager(CachingAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, ObjectMapper json,
                                    RateLimitProperties limits, ApiTokenService tokens) throws Exception {
        RateLimitFilter rateLimits = new RateLimitFilter(limits, json);
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, rateLimits);
        http.authenticationManager(authenticationManager)
                .addFilterBefore(rateLimits, BasicAuthenticationFilter.class)
                .addFilterBefore(new BodySizeLimitFilter(json), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicPaths("/actuator/health", "/actuator/health/**", "/v3/api-docs",
                                "/v3/api-docs/**", "/error", "/api/public/**")).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
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
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
                    return principal.staff();
                }
                throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("not signed in");
            }
        });
    }
}
