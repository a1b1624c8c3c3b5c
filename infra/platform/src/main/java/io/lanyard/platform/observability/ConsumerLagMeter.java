package io.lanyard.platform.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.lanyard.platform.messaging.KafkaBackboneProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Records waiting for this service's consumer group, per subscribed partition: the partition's end offset minus the
 * group's committed offset ({@code lanyard.kafka.consumer.lag}, tags {@code topic} and {@code partition}), and their
 * sum ({@code lanyard.kafka.consumer.group.lag}). Read from the broker, so it is the group's lag, the same from every
 * instance, and it keeps growing while the consumers are stuck.
 */
final class ConsumerLagMeter implements MeterBinder, DisposableBean {

    static final String LAG = "lanyard.kafka.consumer.lag";
    // not "...lag.total": Prometheus keeps "_total" for counters and would fold it into the per-partition name
    static final String TOTAL = "lanyard.kafka.consumer.group.lag";

    private record Reading(Map<TopicPartition, Long> lag, Instant at) {
        long total() {
            return lag.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeter.class);

    private final KafkaBackboneProperties kafka;
    private final LazyAdmin admin;
    private final Clock clock;
    private final Duration refresh;
    private final Set<TopicPartition> registered = ConcurrentHashMap.newKeySet();
    private volatile Reading reading = new Reading(Map.of(), Instant.MIN);
    private MeterRegistry registry;

    ConsumerLagMeter(KafkaBackboneProperties kafka, ObservabilityProperties properties, Clock clock) {
        this.kafka = kafka;
        this.admin = new LazyAdmin(kafka.connection(), properties.kafkaHealthTimeout());
        this.clock = clock;
        this.refresh = properties.lagRefresh();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (kafka.subscriptions().isEmpty()) {
            return;
        }
        this.registry = registry;
        Gauge.builder(TOTAL, this, m -> m.current().total())
                .description("records the consumer group has yet to apply, over all subscribed partitions")
                .tag("group", kafka.groupId())
                .register(registry);
    }

    double lag(TopicPartition partition) {
        Long lag = current().lag().get(partition);
        return lag == null ? Double.NaN : lag;
    }

    void refresh() {
        if (!kafka.subscriptions().isEmpty()) {
            current();
        }
    }

    /** Reads again when the last reading is older than the refresh interval. */
    private synchronized Reading current() {
        if (reading.at().plus(refresh).isAfter(clock.instant())) {
            return reading;
        }
        try {
            reading = new Reading(read(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading = new Reading(reading.lag(), clock.instant());
        } catch (TimeoutException e) {
            // a busy broker or machine, typically while everything starts at once: the gauges keep the last reading
            log.warn("Kafka did not tell the lag of consumer group {} within {} ms; the last reading stands",
                    kafka.groupId(), admin.timeoutMs());
            reading = new Reading(reading.lag(), clock.instant());
        } catch (ExecutionException | RuntimeException e) {
            log.warn("Could not read the lag of consumer group {}: {}", kafka.groupId(), e.toString());
            reading = new Reading(reading.lag(), clock.instant());
        }
        reading.lag().keySet().forEach(this::register);
        return reading;
    }

    private Map<TopicPartition, Long> read() throws InterruptedException, ExecutionException, TimeoutException {
        Admin client = admin.get();
        long timeout = admin.timeoutMs();
        Map<String, TopicDescription> topics = client.describeTopics(kafka.subscriptions()).allTopicNames()
                .get(timeout, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = topics.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(kafka.groupId())
                .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(client, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(client, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            long from = position != null ? position.offset() : starts.get(partition).offset();
            lag.put(partition, Math.max(0, ends.get(partition).offset() - from));
        }
        return Map.copyOf(lag);
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(
            Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return client.listOffsets(request).all().get(admin.timeoutMs(), TimeUnit.MILLISECONDS);
    }

    private void register(TopicPartition partition) {
        if (registry != null && registered.add(partition)) {
            Gauge.builder(LAG, this, m -> m.lag(partition))
                    .description("records of the partition the consumer group has yet to apply")
                    .tag("group", kafka.groupId())
                    .tag("topic", partition.topic())
                    .tag("partition", Integer.toString(partition.partition()))
                    .register(registry);
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
