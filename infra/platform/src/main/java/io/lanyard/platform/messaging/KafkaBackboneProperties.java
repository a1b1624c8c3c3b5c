package io.lanyard.platform.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic         the topic this service publishes to; empty when it publishes nothing
 * @param subscriptions the topics this service consumes
 * @param groupId       the consumer group; one per service, shared by its instances
 * @param projectionBatchSize how many consecutive records that only projections react to share one transaction
 */
@ConfigurationProperties("lanyard.kafka")
public record KafkaBackboneProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("") String topic,
        @DefaultValue List<String> subscriptions,
        @DefaultValue("lanyard") String groupId,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration deliveryTimeout,
        @DefaultValue("3") int handlerAttempts,
        @DefaultValue("200ms") Duration handlerRetryDelay,
        @DefaultValue("2s") Duration reconnectDelay,
        @DefaultValue("100") int projectionBatchSize) {
}
