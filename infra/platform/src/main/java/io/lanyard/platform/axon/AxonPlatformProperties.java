package io.lanyard.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotThreshold   events after which an aggregate with the Lanyard trigger is snapshotted
 * @param cacheAggregates     keep hot aggregates in memory between commands (off only to test snapshot loading)
 * @param publisherBatchSize  events per Kafka publishing transaction
 * @param publisherSegments   parallel segments of the publishing processor
 */
@ConfigurationProperties("lanyard.axon")
public record AxonPlatformProperties(
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("true") boolean cacheAggregates,
        @DefaultValue("100") int publisherBatchSize,
        @DefaultValue("4") int publisherSegments) {
}
