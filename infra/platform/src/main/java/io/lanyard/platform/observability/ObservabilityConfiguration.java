package io.lanyard.platform.observability;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.lanyard.platform.messaging.KafkaBackboneProperties;

/** Health, metrics and tracing every service exposes to its operators. */
@AutoConfiguration
@EnableConfigurationProperties({ObservabilityProperties.class, KafkaBackboneProperties.class})
public class ObservabilityConfiguration {

    /** Named so that the health contributor is {@code kafka}, the name the readiness group includes. */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaBackboneProperties kafka, ObservabilityProperties properties,
                                              Clock clock) {
        return new KafkaHealthIndicator(kafka, properties, clock);
    }
}
