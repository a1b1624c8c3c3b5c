package io.lanyard.volunteering;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.testsupport.EmbeddedInfrastructure;

/** What volunteering published on {@code lanyard.volunteering.v1}, read back as registration's itinerary would. */
public final class PublishedEvents {

    /** An event as it came off the topic, with the trace its record carried. */
    public record Published(IntegrationEvent event, String traceparent) {
    }

    private PublishedEvents() {
    }

    public static List<IntegrationEvent> eventsFor(UUID conference, int count) {
        return recordsFor(conference, count).stream().map(Published::event).toList();
    }

    /**
     * The conference's events as a consumer of every partition saw them (each shift's in the order its partition holds them), once {@code count} distinct ones arrived.
     * Delivery is at least once, so a re-published event is counted once, by its id.
     */
    public static List<Published> recordsFor(UUID conference, int count) {
        IntegrationEventCodec codec = new IntegrationEventCodec();
        Map<UUID, Published> events = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(EmbeddedInfrastructure.observing(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "volunteering-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(EventCatalogue.VOLUNTEERING_TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    IntegrationEvent event = codec.decode(record.value());
                    if (conference.equals(event.conferenceId())) {
                        Header trace = record.headers().lastHeader(IntegrationEventPublisher.TRACEPARENT_HEADER);
                        events.putIfAbsent(event.eventId(), new Published(event,
                                trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8)));
                    }
                }
                return events.size() >= count;
            });
        }
        return new ArrayList<>(events.values());
    }
}
