package io.dataguardian.app.db;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** {@link DatabaseUnavailableFilter} in front of every filter that may query the database. */
@Configuration(proxyBeanMethods = false)
public class DatabaseOutageConfiguration {

    /** Before Spring Session's filter ({@code Integer.MIN_VALUE + 50}) and everything after it. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(DatabaseUnavailableResponse response) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(response));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
