package io.lanyard.benchmark.stack;

import java.util.List;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lanyard.platform.axon.AxonPlatformConfiguration;

/**
 * The settings and the one design change the benchmark's tuned comparison run tries on registration and dinners,
 * without touching their code: the properties in {@link #ARGUMENTS} and, with this configuration among the
 * sources, a strong aggregate cache in place of the weak one. Each is proposed, with its evidence, in
 * docs/benchmarks.md.
 */
@Configuration(proxyBeanMethods = false)
public class TunedServices {

    public static final List<String> ARGUMENTS = List.of(
            // Axon's handler timeouts take the thread's stack trace for every message handled
            "--axon.timeout.enabled=false",
            // trace one request in ten instead of every one
            "--management.tracing.sampling.probability=0.1",
            // 32 quota segments instead of 8: four times fewer buyers queue for each segment's lock
            "--lanyard.registration.max-quota-segments=32");

    @Bean
    static BeanPostProcessor strongAggregateCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return AxonPlatformConfiguration.AGGREGATE_CACHE.equals(name) && bean instanceof Cache
                        ? new BoundedAggregateCache(10_000) : bean;
            }
        };
    }
}
