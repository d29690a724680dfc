package org.dcplanner.consolidation.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. Every path needs a signed-in user except health, the app shell and its assets.
 * Under {@code /api/**}: reads (GET, HEAD) need VIEWER, every other method PLANNER, users and audit ADMIN
 * (ADMIN > PLANNER > VIEWER). A new endpoint therefore needs no annotation: a GET is readable by every
 * user, a write by planners. Credentials: a session from form login (or OIDC), HTTP Basic, or an API token.
 */
@Configuration
class SecurityConfig {
    /**
     * Scripts only from this origin; styles also inline because ECharts writes its tooltip markup with style
     * attributes (React and ECharts set other styles through the CSSOM, which CSP does not restrict).
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
                    + " form-action 'self'; frame-ancestors 'none'";
    /** Routes of the single-page app: they serve the same index.html shell, which holds no data. */
    static final String[] APP_SHELL = {
        "/",
        "/index.html",
        "/assets/**",
        "/favicon.ico",
        "/login",
        "/workloads",
        "/workloads/**",
        "/plans",
        "/plans/**",
        "/catalog",
        "/catalog/**",
        "/account"
    };

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * Writes riding on a session cookie need the CSRF token, and so does the sign-in form (login CSRF). Calls
     * carrying their own credential (Basic or Bearer) do not: browsers never attach those by themselves, as
     * no Basic challenge is ever sent (see ProblemResponses). A write with neither a credential nor a session
     * has nothing to forge and gets the 401 of any unauthenticated call.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null) return false;
        return request.getRequestedSessionId() != null
                || request.getServletPath().equals("/login");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("PLANNER")
                .role("PLANNER")
                .implies("VIEWER")
                .build();
    }

    /** The audit filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<AuditLog> auditLogOutsideSecurity(AuditLog audit) {
        FilterRegistrationBean<AuditLog> registration = new FilterRegistrationBean<>(audit);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ProblemResponses problems,
            ApiTokenService tokens,
            UserRepository users,
            AuditLog audit,
            OidcAccounts oidcAccounts,
            ObjectProvider<ClientRegistrationRepository> oidcClients)
            throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, APP_SHELL)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/sign-in-options")
                        .permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/audit/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/me", "/api/v1/me/**", "/api/v1/tokens/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .hasRole("VIEWER")
                        .requestMatchers("/api/**")
                        .hasRole("PLANNER")
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .successHandler((request, response, auth) -> response.setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler(problems::signInFailed))
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(audit, SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionRevalidation(users, problems), SecurityContextHolderFilter.class)
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcAccounts))
                    .defaultSuccessUrl("/", true));
        }
        return http.build();
    }
}
