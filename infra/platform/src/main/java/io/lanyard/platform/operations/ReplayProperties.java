package io.lanyard.platform.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fetchSize how many events a read-model replay fetches from the event store per query (Axon's default, for
 *                  everything else, is 100)
 * @param batchSize how many of the projections' writes a replay lets wait before it sends them as JDBC batches
 */
@ConfigurationProperties("lanyard.operations.replay")
public record ReplayProperties(
        @DefaultValue("1000") int fetchSize,
        @DefaultValue("1000") int batchSize) {
}
