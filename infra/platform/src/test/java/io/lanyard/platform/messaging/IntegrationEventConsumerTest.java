package io.lanyard.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.tracing.TraceContexts;

/**
 * The consumer's poll loop against Kafka's {@link MockConsumer}: partitions are applied side by side, each in its
 * own order, and a partition's offset is committed only once its records took effect.
 */
class IntegrationEventConsumerTest {

    private static final String TOPIC = EventCatalogue.REGISTRATION_TOPIC;
    private static final TopicPartition SLOW = new TopicPartition(TOPIC, 0);
    private static final TopicPartition FAST = new TopicPartition(TOPIC, 1);

    private final Random random = new Random(20);
    private final IntegrationEventCodec codec = new IntegrationEventCodec();
    private final MockConsumer<String, byte[]> kafka = new MockConsumer<>("earliest");
    private final List<UUID> applied = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private IntegrationEventConsumer consumer;

    @AfterEach
    void stop() {
        release.countDown();
        if (consumer != null) {
            consumer.stop();
        }
    }

    @Test
    void a_partition_whose_reaction_is_stuck_stops_neither_another_partition_nor_its_own_order() {
        UUID stuck = uuid();
        UUID afterStuck = uuid();
        UUID first = uuid();
        UUID second = uuid();
        consumer = consumer(stuck);
        kafka.schedulePollTask(() -> {
            kafka.rebalance(List.of(SLOW, FAST));
            kafka.updateBeginningOffsets(Map.of(SLOW, 0L, FAST, 0L));
            kafka.addRecord(record(SLOW, 0, stuck));
            kafka.addRecord(record(SLOW, 1, afterStuck));
            kafka.addRecord(record(FAST, 0, first));
            kafka.addRecord(record(FAST, 1, second));
        });
        consumer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(2).equals(committed(FAST)));
        assertThat(applied).containsExactly(first, second);
        assertThat(committed(SLOW)).as("nothing of the stuck partition took effect").isNull();

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(2).equals(committed(SLOW)));
        assertThat(applied).containsExactly(first, second, stuck, afterStuck);
    }

    private IntegrationEventConsumer consumer(UUID stuck) {
        KafkaBackboneProperties properties = new KafkaBackboneProperties("localhost:9092", "", List.of(TOPIC),
                "consumer-test", 2, (short) 1, Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ofMillis(100),
                100, 2, KafkaBackboneProperties.Security.none());
        Subscriptions subscriptions = new Subscriptions(List.of(s -> s.project(AttendeeRegistered.class, e -> {
            if (e.attendeeId().equals(stuck)) {
                awaitRelease();
            }
            applied.add(e.attendeeId());
        })));
        ProcessedEvents everyDeliveryFirst = new ProcessedEvents(null) {
            @Override
            boolean firstDelivery(UUID eventId) {
                return true;
            }
        };
        IntegrationEventDispatcher dispatcher = new IntegrationEventDispatcher(subscriptions, everyDeliveryFirst,
                NoTransactionManager.INSTANCE, 1, Duration.ZERO);
        return new IntegrationEventConsumer(properties, codec, dispatcher, new DeadLetters(null, Clock.systemUTC()),
                TraceContexts.disabled(), () -> kafka);
    }

    private void awaitRelease() {
        try {
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset, UUID attendee) {
        AttendeeRegistered event = new AttendeeRegistered(uuid(), uuid(), Instant.parse("2027-05-10T09:00:00Z"),
                attendee, "subject-" + offset, "Ada", uuid());
        return new ConsumerRecord<>(TOPIC, partition.partition(), offset, attendee.toString(), codec.encode(event));
    }

    private Long committed(TopicPartition partition) {
        OffsetAndMetadata offset = kafka.committed(Set.of(partition)).get(partition);
        return offset == null ? null : offset.offset();
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
