package io.lanyard.dinners;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.UndecodableRecordException;
import io.lanyard.testsupport.EmbeddedInfrastructure;

/** Reads what dinners published on the shared embedded broker, as registration's itinerary would. */
public final class PublishedEvents implements AutoCloseable {

    private final IntegrationEventCodec codec = new IntegrationEventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<IntegrationEvent> seen = new ArrayList<>();

    public PublishedEvents() {
        consumer = new KafkaConsumer<>(EmbeddedInfrastructure.observing(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "dinners-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(EventCatalogue.DINNERS_TOPIC));
    }

    /** Waits until the events published so far, in order, satisfy the condition; returns them. */
    public List<IntegrationEvent> awaitUntil(Predicate<List<IntegrationEvent>> condition) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(decode(record.value()));
            }
            return condition.test(seen);
        });
        return List.copyOf(seen);
    }

    private IntegrationEvent decode(byte[] value) {
        try {
            return codec.decode(value);
        } catch (UndecodableRecordException e) {
            throw new IllegalStateException("dinners published a record it cannot read back", e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
