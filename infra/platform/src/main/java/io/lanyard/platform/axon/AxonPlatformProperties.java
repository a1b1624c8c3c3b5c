package io.lanyard.platform.axon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotThreshold     events after which an aggregate with the Lanyard trigger is snapshotted
 * @param cacheAggregates       keep hot aggregates in memory between commands (off only to test snapshot loading)
 * @param aggregateCacheSize    how many aggregates an instance keeps in memory at most
 * @param publisherBatchSize    events per Kafka publishing transaction
 * @param publisherSegments     parallel segments of the publishing processor
 * @param publisherPollInterval how often the publisher looks for events committed by other instances (its own
 *                              commits wake it at once)
 * @param balanceInterval       how often the instances of a service say they are alive and share the publisher's
 *                              segments out again
 * @param groupMaxBatch         most commands to one aggregate decided in one unit of work and one commit
 * @param admissionQueueLimit   most commands waiting for one aggregate; beyond it a command is refused at once with
 *                              503 and {@code Retry-After} (below the web server's threads, so that one hot
 *                              aggregate cannot hold them all)
 * @param admissionRetryAfter   what such a refusal tells the caller to wait
 */
@ConfigurationProperties("lanyard.axon")
public record AxonPlatformProperties(
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("true") boolean cacheAggregates,
        @DefaultValue("5000") long aggregateCacheSize,
        @DefaultValue("100") int publisherBatchSize,
        @DefaultValue("4") int publisherSegments,
        @DefaultValue("500ms") Duration publisherPollInterval,
        @DefaultValue("5s") Duration balanceInterval,
        @DefaultValue("100") int groupMaxBatch,
        @DefaultValue("100") int admissionQueueLimit,
        @DefaultValue("1s") Duration admissionRetryAfter) {
}
