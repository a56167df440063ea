package io.dataguardian.app.system;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.core.Ordered;

/**
 * HikariCP logs a full stack trace when its first connection fails; at start-up that failure is
 * already reported in one line by {@link StartupFailureAnalyzer}. This silences the pool's logger
 * until the application has started, then restores it, unless the user configured its level.
 */
public class QuietPoolStartupListener implements SmartApplicationListener, Ordered {

    static final String POOL_LOGGER = "com.zaxxer.hikari.pool.HikariPool";

    private boolean silenced;

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationStartedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public int getOrder() {
        // right after the logging system applied logging.level.*
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            if (prepared.getEnvironment().getProperty("logging.level." + POOL_LOGGER) == null) {
                LoggingSystem.get(getClass().getClassLoader()).setLogLevel(POOL_LOGGER, LogLevel.OFF);
                silenced = true;
            }
        } else if (event instanceof ApplicationStartedEvent && silenced) {
            LoggingSystem.get(getClass().getClassLoader()).setLogLevel(POOL_LOGGER, null);
            silenced = false;
        }
    }
}
