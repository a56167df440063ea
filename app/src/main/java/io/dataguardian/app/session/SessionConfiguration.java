package io.dataguardian.app.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.SecurityAudit;
import io.dataguardian.app.system.RuntimeModeEnvironmentPostProcessor;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Session features on whichever store the runtime mode picked ({@code dataguardian.runtime.session-store}): the
 * store adapter, limits, activity, meters, the cookie's Secure flag, and the once-a-minute housekeeping (meters;
 * with Redis, the expired-session cleanup run by one node only).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionSettings.class)
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = RuntimeModeEnvironmentPostProcessor.SESSION_STORE, havingValue = "redis")
    RedisSessionStore redisSessionStore(RedisIndexedSessionRepository sessions, StringRedisTemplate redis,
            @Value("${spring.session.data.redis.namespace:spring:session}") String namespace) {
        return new RedisSessionStore(sessions, redis, namespace);
    }

    @Bean
    @ConditionalOnProperty(name = RuntimeModeEnvironmentPostProcessor.SESSION_STORE, havingValue = "jdbc", matchIfMissing = true)
    JdbcSessionStore jdbcSessionStore(JdbcIndexedSessionRepository sessions, AccountRepository accounts,
            TransactionTemplate transaction, JdbcClient jdbc) {
        return new JdbcSessionStore(sessions, accounts, transaction, jdbc);
    }

    @Bean
    PendingActivity pendingActivity(SessionSettings settings) {
        // kept a little longer than one write interval would need, in case the next request comes late
        return new PendingActivity(settings.recentActions(), settings.writeInterval().multipliedBy(4).plusMinutes(1));
    }

    /**
     * Spring Session's filter, rebuilt on {@link ThrottledSessionRepository} around the store's repository (Redis
     * indexed or JDBC). Not a SessionRepository bean of its own: Boot would then not create the store's repository.
     * The session id resolver is the one Spring Session would build: a cookie resolver with Boot's cookie serializer
     * (or an {@link HttpSessionIdResolver} bean, if one is declared).
     */
    @Bean
    static BeanPostProcessor throttledSessionRepositoryFilter(ObjectProvider<SessionRepository<?>> repositories,
            ObjectProvider<PendingActivity> activity, ObjectProvider<SessionSettings> settings,
            ObjectProvider<CookieSerializer> cookies, ObjectProvider<HttpSessionIdResolver> resolvers) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>)) {
                    return bean;
                }
                SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(new ThrottledSessionRepository<>(
                        repositories.getObject(), activity.getObject(), settings.getObject().writeInterval()));
                HttpSessionIdResolver resolver = resolvers.getIfAvailable(() -> {
                    CookieHttpSessionIdResolver cookie = new CookieHttpSessionIdResolver();
                    cookies.ifAvailable(cookie::setCookieSerializer);
                    return cookie;
                });
                filter.setHttpSessionIdResolver(resolver);
                return filter;
            }
        };
    }

    @Bean
    SessionMetrics sessionMetrics(SessionStore store, MeterRegistry meters) {
        return new SessionMetrics(store, meters);
    }

    @Bean
    SessionLimiter sessionLimiter(SessionStore store, SessionSettings settings, SessionMetrics metrics) {
        return new SessionLimiter(store, settings, metrics);
    }

    @Bean
    SessionService sessionService(SessionStore store, AccountRepository accounts, SecurityAudit audit, SessionMetrics metrics,
            PendingActivity activity) {
        return new SessionService(store, accounts, audit, metrics, activity);
    }

    @Bean
    LoginSuccessHandler loginSuccessHandler(AccountRepository accounts, SecurityAudit audit) {
        return new LoginSuccessHandler(accounts, audit);
    }

    @Bean
    SessionLogoutHandler sessionLogoutHandler(AccountRepository accounts, SecurityAudit audit, SessionMetrics metrics) {
        return new SessionLogoutHandler(accounts, audit, metrics);
    }

    /** Outside Spring Session's filter: sees the login's session after it was committed. */
    @Bean
    FilterRegistrationBean<SessionLimitFilter> sessionLimitFilter(SessionLimiter limiter) {
        FilterRegistrationBean<SessionLimitFilter> bean = new FilterRegistrationBean<>(new SessionLimitFilter(limiter));
        bean.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        bean.addUrlPatterns("/login");
        return bean;
    }

    /** Outermost of the session filters: a store that fails or times out gives 503, not 500 (on any dispatch). */
    @Bean
    FilterRegistrationBean<SessionStoreUnavailableFilter> sessionStoreUnavailableFilter(SessionStore store, MeterRegistry meters) {
        FilterRegistrationBean<SessionStoreUnavailableFilter> bean =
                new FilterRegistrationBean<>(new SessionStoreUnavailableFilter(store, meters));
        bean.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
        return bean;
    }

    /** Inside Spring Session's filter, before Spring Security's. */
    @Bean
    FilterRegistrationBean<SessionActivityFilter> sessionActivityFilter(SessionSettings settings, SessionMetrics metrics,
            PendingActivity activity) {
        FilterRegistrationBean<SessionActivityFilter> bean =
                new FilterRegistrationBean<>(new SessionActivityFilter(settings, metrics, activity));
        bean.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return bean;
    }

    @Bean
    DefaultCookieSerializerCustomizer secureCookie(SessionSettings settings) {
        return serializer -> {
            if (settings.cookieSecure() != null) {
                serializer.setUseSecureCookie(settings.cookieSecure());
            }
        };
    }

    @Bean
    SessionHousekeeping sessionHousekeeping(SessionStore store, SessionMetrics metrics) {
        return new SessionHousekeeping(store, metrics);
    }

    /** One daemon thread, once a minute; never on a request thread. */
    static class SessionHousekeeping implements DisposableBean {

        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-housekeeping");
            t.setDaemon(true);
            return t;
        });

        SessionHousekeeping(SessionStore store, SessionMetrics metrics) {
            executor.scheduleWithFixedDelay(() -> {
                try {
                    if (store instanceof RedisSessionStore redis) {
                        redis.cleanUpIfFirst();
                    }
                    metrics.refresh();
                } catch (RuntimeException ex) {
                    log.warn("Session housekeeping failed: {}", ex.toString());
                }
            }, 5, 60, TimeUnit.SECONDS);
        }

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }
}
