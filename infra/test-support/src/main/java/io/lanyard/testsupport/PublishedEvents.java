package io.lanyard.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.UndecodableRecordException;

/**
 * Reads what a service published to its topic on the shared embedded broker, from the beginning, as a consumer in
 * another service would; one conference's records only, in the order a consumer reading every partition saw them
 * (the records of one key, the aggregate that decided them, in the order they were published).
 */
public final class PublishedEvents implements AutoCloseable {

    /** An event as it came off the topic, with the trace and the key its record carried. */
    public record Published(IntegrationEvent event, String traceparent, String key) {
    }

    private final IntegrationEventCodec codec = new IntegrationEventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final UUID conferenceId;
    private final List<Published> seen = new ArrayList<>();

    public PublishedEvents(String topic, UUID conferenceId) {
        this.conferenceId = conferenceId;
        this.consumer = new KafkaConsumer<>(EmbeddedInfrastructure.observing(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "published-events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits (up to a minute) until the conference's events published so far satisfy the condition; returns them. */
    public List<IntegrationEvent> awaitUntil(Predicate<List<IntegrationEvent>> condition) {
        return awaitRecordsUntil(records -> condition.test(events(records))).stream()
                .map(Published::event)
                .toList();
    }

    /** Like {@link #awaitUntil}, with each record's trace. */
    public List<Published> awaitRecordsUntil(Predicate<List<Published>> condition) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                IntegrationEvent event = decode(record.value());
                if (conferenceId.equals(event.conferenceId())) {
                    Header trace = record.headers().lastHeader(IntegrationEventPublisher.TRACEPARENT_HEADER);
                    seen.add(new Published(event,
                            trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8), record.key()));
                }
            }
            return condition.test(seen);
        });
        return List.copyOf(seen);
    }

    /** The events of a type among those published. */
    public static <E extends IntegrationEvent> List<E> ofType(List<IntegrationEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<IntegrationEvent> events(List<Published> records) {
        return records.stream().map(Published::event).toList();
    }

    private IntegrationEvent decode(byte[] value) {
        try {
            return codec.decode(value);
        } catch (UndecodableRecordException e) {
            throw new IllegalStateException("a service published a record it cannot read back", e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
