package io.lanyard.platform.messaging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates this service's topics (the configured one and any other {@link KafkaAccess} says its owner owns) and the
 * ones it consumes, with the configured partitions and retention ({@link KafkaTopicProperties}), at start-up. A
 * broker that is down is no reason to refuse to start: publishing waits in the event store, and the topics are
 * created by the next start or by whichever service reaches the broker first.
 */
class TopicProvisioner implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private final KafkaBackboneProperties properties;
    private final KafkaAccess.TopicSettings settings;

    TopicProvisioner(KafkaBackboneProperties properties, KafkaAccess.TopicSettings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Set<String> owned = new LinkedHashSet<>();
        if (!properties.topic().isBlank()) {
            owned.add(properties.topic());
            KafkaAccess.ownerOf(properties.topic()).ifPresent(owner -> owned.addAll(KafkaAccess.topicsOwnedBy(owner)));
        }
        Set<String> topics = new LinkedHashSet<>(properties.subscriptions());
        topics.addAll(owned);
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> config = properties.connection();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> wanted = topics.stream()
                    .map(t -> KafkaAccess.newTopic(t, properties.partitions(), properties.replicationFactor(),
                            settings))
                    .toList();
            for (var result : admin.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException
                            && !owned.contains(result.getKey())) {
                        // with ACLs only a topic's owner may create it; a consumer waits until it exists
                        log.debug("Not allowed to create {}; its owner will", result.getKey());
                    } else if (!(e.getCause() instanceof TopicExistsException)) {
                        log.warn("Could not create topic {}: {}", result.getKey(), e.getCause().toString());
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Kafka not reachable at start-up; topics not provisioned: {}", e.toString());
        }
    }
}
