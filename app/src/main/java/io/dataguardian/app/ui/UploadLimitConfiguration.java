package io.dataguardian.app.ui;

import io.dataguardian.app.job.ScanJobProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** {@link UploadLimitFilter} just before the Spring Security filter chain. */
@Configuration(proxyBeanMethods = false)
class UploadLimitConfiguration {

    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(ThymeleafViewResolver views, LocaleResolver localeResolver,
                                                               ScanJobProperties properties) {
        FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(
                new UploadLimitFilter(views, localeResolver, properties.maxUploadSize().toBytes()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
