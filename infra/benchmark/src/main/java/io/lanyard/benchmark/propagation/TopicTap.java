package io.lanyard.benchmark.propagation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lanyard.benchmark.load.Http;
import tools.jackson.databind.JsonNode;

/**
 * A consumer of the benchmark's own on a service's topic, reading from its end: for every integration event it
 * notes the event id, when the publisher handed it to Kafka (the record's create time) and when it became
 * readable here, keyed by an id field of the event (the attendee, the ticket).
 */
final class TopicTap implements AutoCloseable {

    record Published(UUID eventId, long createdAtMillis, long readAt) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<UUID, Published> published = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicTap(String bootstrap, String topic, String idField) throws InterruptedException {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-tap-" + topic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        CountDownLatch positioned = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("benchmark-tap-" + topic).daemon().start(() -> {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long readAt = System.nanoTime();
                    JsonNode event = Http.JSON.readTree(record.value());
                    if (event.hasNonNull(idField) && event.hasNonNull("eventId")) {
                        published.putIfAbsent(UUID.fromString(event.get(idField).asString()), new Published(
                                UUID.fromString(event.get("eventId").asString()), record.timestamp(), readAt));
                    }
                }
            }
        });
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the tap on " + topic + " found no partitions");
        }
    }

    Published published(UUID id) {
        return published.get(id);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(2));
    }
}
