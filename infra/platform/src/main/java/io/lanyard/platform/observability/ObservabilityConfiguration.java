package io.lanyard.platform.observability;

import java.time.Clock;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.messaging.DeadLetters;
import io.lanyard.platform.messaging.KafkaBackboneProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Health and metrics every service exposes to its operators; tracing is {@code TracingConfiguration}. */
@AutoConfiguration
@EnableConfigurationProperties({ObservabilityProperties.class, KafkaBackboneProperties.class})
public class ObservabilityConfiguration {

    /** Named so that the health contributor is {@code kafka}, the name the readiness group includes. */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaBackboneProperties kafka, ObservabilityProperties properties,
                                              Clock clock) {
        return new KafkaHealthIndicator(kafka, properties, clock);
    }

    /**
     * Axon's own Micrometer module is not in the registry this project builds from; these timers give the same
     * numbers under Lanyard's names. The registry is looked up on the first message: Axon builds its buses early.
     */
    @Bean
    ConfigurerModule lanyardMessageTimers(ObjectProvider<MeterRegistry> registry) {
        return configurer -> configurer
                .configureMessageMonitor(CommandBus.class,
                        (config, type, name) -> MessageTimers.commands(registry::getObject))
                .configureMessageMonitor(EventProcessor.class,
                        (config, type, name) -> MessageTimers.events(registry::getObject, name));
    }

    @Bean
    ProcessorLagMeter processorLagMeter(JdbcClient jdbc, Serializer serializer, Clock clock,
                                        ObservabilityProperties properties) {
        return new ProcessorLagMeter(jdbc, serializer, clock, properties.lagRefresh());
    }

    @Bean
    ConsumerLagMeter consumerLagMeter(KafkaBackboneProperties kafka, ObservabilityProperties properties, Clock clock) {
        return new ConsumerLagMeter(kafka, properties, clock);
    }

    @Bean
    MeterBinder deadLetterMeter(DeadLetters deadLetters) {
        return registry -> Gauge.builder("lanyard.dead.letters", deadLetters, DeadLetters::count)
                .description("consumed records parked in kafka_dead_letter, waiting for an operator")
                .register(registry);
    }

    @Bean
    ExpiringHoldsMeter expiringHoldsMeter(ObjectProvider<ExpiringHolds> holds, Clock clock) {
        return new ExpiringHoldsMeter(holds, clock);
    }

    /**
     * The per-segment and per-partition gauges appear with the first reading; take it as soon as the service is up,
     * Kafka's on a thread of its own, since a broker still electing its group coordinator can take seconds to answer.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> firstLagReading(ProcessorLagMeter processors,
                                                               ConsumerLagMeter consumers) {
        return event -> {
            processors.refresh();
            Thread.ofVirtual().name("lanyard-first-consumer-lag").start(consumers::refresh);
        };
    }
}
