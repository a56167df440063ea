package io.dataguardian.app.web;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.dataguardian.app.account.ApiTokenAuthenticationFilter;
import io.dataguardian.app.account.ApiTokenService;

/**
 * Two filter chains. Actuator: health and info open to everyone (details only for admins),
 * everything else (prometheus) for ADMIN, by session or HTTP Basic so a scraper can authenticate.
 * Application: a form login at /login, logout by POST /logout, CSRF on.
 *
 * <p>Account hardening (docs/security.md): the login goes through account.LockoutAuthenticationProvider (the only
 * AuthenticationProvider bean); a new session id at login (fixation protection: change id); logout deletes the
 * session from the store; {@code /api/**} answers 401 instead of redirecting, accepts {@code Authorization: Bearer}
 * API tokens (which need no CSRF token) and keeps {@code /api/admin/**} for ADMIN. The session and token beans are
 * optional so slim test contexts that import only this class still start.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    };

    /** Pages redirect to the login form; the API answers 401. */
    private static AuthenticationEntryPoint entryPoint() {
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint api = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        return (request, response, ex) -> (API.matches(request) ? api : login).commence(request, response, ex);
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization decision: three more
     * meter lookups per request for timers nothing reads (HTTP requests are timed as a whole; logins are counted by
     * account.SecurityAudit). docs/sessions.md, "Measured", round 3.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Error dispatch only, before everything else: see {@link ErrorResponseTypeFilter}. */
    @Bean
    FilterRegistrationBean<ErrorResponseTypeFilter> errorResponseTypeFilter() {
        FilterRegistrationBean<ErrorResponseTypeFilter> bean = new FilterRegistrationBean<>(new ErrorResponseTypeFilter());
        bean.setDispatcherTypes(EnumSet.of(DispatcherType.ERROR));
        bean.setOrder(Integer.MIN_VALUE);
        return bean;
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(HttpSecurity http, ObjectProvider<ApiTokenService> tokens,
            ObjectProvider<AuthenticationSuccessHandler> loginSuccess, ObjectProvider<LogoutHandler> logoutHandlers)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/img/**").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")          // ui: admin pages and dashboard
                        .anyRequest().authenticated())
                .formLogin(form -> {
                    form.loginPage("/login").defaultSuccessUrl("/", false).permitAll();
                    loginSuccess.ifAvailable(form::successHandler);
                })
                .logout(logout -> {
                    logout.logoutSuccessUrl("/login?logout").invalidateHttpSession(true).clearAuthentication(true)
                            .permitAll();
                    logoutHandlers.orderedStream().forEach(logout::addLogoutHandler);
                })
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenAuthenticationFilter.BEARER));
        tokens.ifAvailable(service -> http.addFilterBefore(new ApiTokenAuthenticationFilter(service),
                UsernamePasswordAuthenticationFilter.class));
        return http.build();
    }
}
