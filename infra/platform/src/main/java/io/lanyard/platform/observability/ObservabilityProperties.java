package io.lanyard.platform.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param kafkaHealthTimeout how long the readiness probe waits for the broker before calling Kafka down
 * @param kafkaHealthCacheFor how long one broker answer stands, so frequent probes do not hammer the broker
 * @param lagRefresh          how often the lag gauges re-read the event store, the token store and Kafka offsets
 */
@ConfigurationProperties("lanyard.observability")
public record ObservabilityProperties(
        @DefaultValue("2s") Duration kafkaHealthTimeout,
        @DefaultValue("5s") Duration kafkaHealthCacheFor,
        @DefaultValue("10s") Duration lagRefresh) {
}
