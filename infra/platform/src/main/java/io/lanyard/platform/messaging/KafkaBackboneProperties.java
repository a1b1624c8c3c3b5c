package io.lanyard.platform.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic         the topic this service publishes to; empty when it publishes nothing
 * @param subscriptions the topics this service consumes
 * @param groupId       the consumer group; one per service, shared by its instances
 * @param projectionBatchSize how many consecutive records that only projections react to share one transaction
 * @param consumerWorkers how many partitions' records this instance applies at once, each partition's in order
 * @param security      how this service authenticates to the brokers; the same for its producer, consumer and admin
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
        @DefaultValue("100") int projectionBatchSize,
        @DefaultValue("4") int consumerWorkers,
        @DefaultValue Security security) {

    /**
     * @param protocol  {@code PLAINTEXT} or {@code SASL_PLAINTEXT} (or {@code SASL_SSL} behind TLS)
     * @param mechanism the SASL mechanism; SCRAM, so no password crosses the wire and the broker keeps only salted hashes
     * @param username  this service's principal, which the broker's ACLs name
     */
    public record Security(
            @DefaultValue("PLAINTEXT") String protocol,
            @DefaultValue(SCRAM_SHA_512) String mechanism,
            @DefaultValue("") String username,
            @DefaultValue("") String password) {

        public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";

        /** A plaintext, unauthenticated connection (benchmarks, a broker without SASL). */
        public static Security none() {
            return new Security("PLAINTEXT", SCRAM_SHA_512, "", "");
        }

        boolean sasl() {
            return protocol.startsWith("SASL_");
        }
    }

    /** Where the brokers are and how to log in to them, for every client this service opens. */
    public Map<String, Object> connection() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(saslConfig(security));
        return config;
    }

    /** The client settings for the given security; empty for a plaintext connection. */
    public static Map<String, Object> saslConfig(Security security) {
        if (!security.sasl()) {
            return Map.of();
        }
        if (security.username().isBlank() || security.password().isBlank()) {
            throw new IllegalStateException("lanyard.kafka.security.protocol is " + security.protocol()
                    + " but lanyard.kafka.security.username or .password is not set");
        }
        String module = security.mechanism().startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, security.protocol(),
                SaslConfigs.SASL_MECHANISM, security.mechanism(),
                SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + quoted(security.username())
                        + "\" password=\"" + quoted(security.password()) + "\";");
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
