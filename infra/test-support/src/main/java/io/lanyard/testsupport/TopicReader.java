package io.lanyard.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.UndecodableRecordException;

/** Reads a topic of the shared embedded broker from the beginning, as an independent observer would. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Distinct events (by event id) of the conference on the topic with the given integration-event type, as of
     * now. Kafka delivery is at least once, so a record may legitimately appear twice; what must not happen is a
     * missing or an invented event.
     */
    public static long countEvents(String topic, UUID conferenceId, String type) {
        IntegrationEventCodec codec = new IntegrationEventCodec();
        Set<String> eventIds = new HashSet<>();
        forEachRecord(topic, record -> {
            Header header = record.headers().lastHeader(IntegrationEventPublisher.TYPE_HEADER);
            if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8))
                    && ofConference(codec, record, conferenceId)) {
                eventIds.add(new String(record.headers().lastHeader(IntegrationEventPublisher.EVENT_ID_HEADER)
                        .value(), StandardCharsets.UTF_8));
            }
        });
        return eventIds.size();
    }

    private static boolean ofConference(IntegrationEventCodec codec, ConsumerRecord<String, byte[]> record,
                                        UUID conferenceId) {
        try {
            return record.value() != null && conferenceId.equals(codec.decode(record.value()).conferenceId());
        } catch (UndecodableRecordException e) {
            return false; // another test's poison record
        }
    }

    /** Hands every record on the topic to {@code action}, from the beginning to the end it has now, in order per partition. */
    public static void forEachRecord(String topic, Consumer<ConsumerRecord<String, byte[]>> action) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(EmbeddedInfrastructure.observing(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(action);
            }
        }
    }
}
