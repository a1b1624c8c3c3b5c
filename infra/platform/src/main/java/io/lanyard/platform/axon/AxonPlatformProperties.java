package io.lanyard.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("lanyard.axon")
public record AxonPlatformProperties(
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("100") int publisherBatchSize,
        @DefaultValue("4") int publisherSegments) {
}
