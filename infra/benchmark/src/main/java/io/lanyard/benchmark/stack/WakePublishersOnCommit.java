package io.lanyard.benchmark.stack;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every pooled streaming processor (the Kafka publisher) a {@link CommitWakingSource}: the proposed platform
 * change, tried out by the benchmark without touching the platform. The platform's own batch size and segment
 * count still apply; only the source changes.
 */
@Configuration(proxyBeanMethods = false)
public class WakePublishersOnCommit {

    @Bean
    ConfigurerModule wakeStreamingProcessorsOnCommit() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerPooledStreamingEventProcessorConfiguration((config, builder) ->
                        builder.messageSource(new CommitWakingSource(config.eventStore(),
                                config.getComponent(EventStorageEngine.class)))));
    }
}
