package io.lanyard.benchmark.stack;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For a service started on a bulk-loaded event store: its streaming processors (the Kafka publisher) start at the
 * head of the store instead of its tail, so millions of loaded events are not published to Kafka. Only the
 * initial token changes; the platform's batch size and segment count still apply.
 */
@Configuration(proxyBeanMethods = false)
public class PublishFromTheHead {

    @Bean
    ConfigurerModule startStreamingProcessorsAtTheHead() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken)));
    }
}
