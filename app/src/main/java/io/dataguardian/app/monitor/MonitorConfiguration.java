package io.dataguardian.app.monitor;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import org.springframework.aop.Advisor;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The monitor: profiler + {@link Profiled} advisor, resource sampler, rules, alerts, recommendations,
 * JFR recorder, and meter filters that give the rules the histograms they read. Also turns on method
 * security, which the monitor's {@code @PreAuthorize} needs. {@code dataguardian.monitor.enabled=false}
 * removes all of it (used to measure its cost).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "dataguardian.monitor.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MonitorProperties.class)
@EnableMethodSecurity
@Import(MonitorConfiguration.AutoProxy.class)
public class MonitorConfiguration {

    /** Makes sure an advisor auto-proxy creator exists (Spring AOP only; no AspectJ weaver needed). */
    static class AutoProxy implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
            AopConfigUtils.forceAutoProxyCreatorToUseClassProxying(registry);
        }
    }

    /** Public so benchmarks can put the same advice on a plain proxy. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static Advisor profiledAdvisor(ObjectProvider<Profiler> profiler) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ProfiledPointcut(),
                new ProfiledMethodInterceptor(profiler));
        advisor.setOrder(0);
        return advisor;
    }

    /**
     * Histograms the rules and the Grafana dashboard read: HTTP request latency percentiles, and connection
     * acquisition with a bucket at exactly the "slow acquisition" threshold.
     */
    @Bean
    static MeterFilter monitorHistograms(Environment environment) {
        Duration slow = environment.getProperty("dataguardian.monitor.rules.pool-acquire-slow", Duration.class,
                Duration.ofMillis(100));
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals(OperationsView.HTTP)) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                if (id.getName().equals(BottleneckRules.HIKARI_ACQUIRE)) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .serviceLevelObjectives((double) slow.toNanos()).build().merge(config);
                }
                return config;
            }
        };
    }

    @Bean
    Profiler profiler(MeterRegistry registry, Environment environment) {
        return new Profiler(registry, environment);
    }

    @Bean
    OperationsView operationsView(MeterRegistry registry) {
        return new OperationsView(registry);
    }

    @Bean
    ResourceSampler resourceSampler(MeterRegistry registry, MonitorProperties properties) {
        return new ResourceSampler(registry, properties.getHistory(), properties.getDiskPath());
    }

    @Bean
    JfrRecorder jfrRecorder(MonitorProperties properties) {
        return new JfrRecorder(properties.getJfr().getMaxDuration(), properties.getJfr().getRetention());
    }

    @Bean
    MonitorService monitorService(MonitorProperties properties, ResourceSampler sampler, OperationsView operations,
                                  MeterRegistry registry, JfrRecorder jfr) {
        return new MonitorService(properties, sampler, operations,
                new BottleneckRules(registry, operations, sampler.samples(), properties),
                new AlertTracker(properties.getAlerts().getConsecutive(), properties.getAlerts().getMargin(),
                        properties.getAlerts().getHistory()),
                new Recommendations(properties.getMaxRecommendations()), jfr);
    }
}
