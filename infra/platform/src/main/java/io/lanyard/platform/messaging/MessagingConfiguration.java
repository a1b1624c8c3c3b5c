package io.lanyard.platform.messaging;

import java.time.Clock;
import java.util.List;

import org.axonframework.common.transaction.TransactionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.platform.tracing.TraceContexts;

@AutoConfiguration
@EnableConfigurationProperties({KafkaBackboneProperties.class, KafkaTopicProperties.class})
public class MessagingConfiguration {

    @Bean
    IntegrationEventCodec integrationEventCodec() {
        return new IntegrationEventCodec();
    }

    @Bean
    IntegrationEventPublisher integrationEventPublisher(KafkaBackboneProperties properties, IntegrationEventCodec codec,
                                                        TraceContexts traces) {
        return new IntegrationEventPublisher(properties, codec, traces);
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaBackboneProperties properties, KafkaTopicProperties topics) {
        return new TopicProvisioner(properties, topics.settings());
    }

    @Bean
    DeadLetters deadLetters(JdbcClient jdbc, Clock clock) {
        return new DeadLetters(jdbc, clock);
    }

    @Bean
    ScrubErasedDeadLetters scrubErasedDeadLetters(JdbcClient jdbc) {
        return new ScrubErasedDeadLetters(jdbc);
    }

    @Bean
    IntegrationEventDispatcher integrationEventDispatcher(List<IntegrationEventSubscriber> subscribers, JdbcClient jdbc,
                                                          TransactionManager axonTransactionManager,
                                                          KafkaBackboneProperties properties) {
        return new IntegrationEventDispatcher(new Subscriptions(subscribers), new ProcessedEvents(jdbc),
                axonTransactionManager, properties.handlerAttempts(), properties.handlerRetryDelay());
    }

    @Bean
    IntegrationEventConsumer integrationEventConsumer(KafkaBackboneProperties properties, IntegrationEventCodec codec,
                                                      IntegrationEventDispatcher dispatcher, DeadLetters deadLetters,
                                                      TraceContexts traces) {
        return new IntegrationEventConsumer(properties, codec, dispatcher, deadLetters, traces);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(DeadLetters deadLetters, IntegrationEventCodec codec,
                                      IntegrationEventDispatcher dispatcher, TransactionTemplate transactions,
                                      TraceContexts traces) {
        return new DeadLetterReplay(deadLetters, codec, dispatcher, transactions, traces);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters, DeadLetterReplay replay) {
        return new DeadLetterController(deadLetters, replay);
    }
}
