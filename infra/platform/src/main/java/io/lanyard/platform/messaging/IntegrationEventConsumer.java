package io.lanyard.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.platform.tracing.TraceContexts;
import io.micrometer.tracing.Span;

/**
 * Polls the subscribed topics and applies each record through the dispatcher. Offsets are committed only after a
 * batch took effect or was parked; when something unexpected happens (the database is down, say) the consumer is
 * closed without committing and reopened after a pause, so the records come again and the inbox drops repeats.
 * Each record is applied in a consumer span that continues the trace named by its {@code traceparent} header.
 */
public class IntegrationEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventConsumer.class);

    private final KafkaBackboneProperties properties;
    private final IntegrationEventCodec codec;
    private final IntegrationEventDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final TraceContexts traces;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Supplier<Consumer<String, byte[]>> consumers;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    IntegrationEventConsumer(KafkaBackboneProperties properties, IntegrationEventCodec codec,
                             IntegrationEventDispatcher dispatcher, DeadLetters deadLetters, TraceContexts traces) {
        this(properties, codec, dispatcher, deadLetters, traces, null);
    }

    /** With {@code consumers} opening the Kafka consumer (a test's mock); null for a real one. */
    IntegrationEventConsumer(KafkaBackboneProperties properties, IntegrationEventCodec codec,
                             IntegrationEventDispatcher dispatcher, DeadLetters deadLetters, TraceContexts traces,
                             Supplier<Consumer<String, byte[]>> consumers) {
        this.consumers = consumers == null ? this::newConsumer : consumers;
        this.properties = properties;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.traces = traces;
    }

    @Override
    public void start() {
        if (properties.subscriptions().isEmpty() || !running.compareAndSet(false, true)) {
            return;
        }
        thread = new Thread(this::run, "lanyard-consumer-" + properties.groupId());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            Consumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void run() {
        while (running.get()) {
            try (Consumer<String, byte[]> kafka = consumers.get()) {
                consumer = kafka;
                kafka.subscribe(properties.subscriptions());
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    applyAll(records);
                    if (!records.isEmpty()) {
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException e) {
                // stop() asked us to leave the poll
            } catch (RuntimeException e) {
                log.warn("Consumer {} failed, reconnecting in {}: {}", properties.groupId(),
                        properties.reconnectDelay(), e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * Applies a poll's records in order. A run of records that only projections react to shares one transaction
     * (up to {@code lanyard.kafka.projection-batch-size}); one whose reactions may send commands, and every record
     * of a run that failed together, is applied in a transaction of its own, retried and, failing that, parked.
     */
    private void applyAll(ConsumerRecords<String, byte[]> records) {
        List<Decoded> run = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (isTombstoneTaken(record)) {
                applyTogether(run);
                run.clear();
                applyTombstone(record);
                continue;
            }
            IntegrationEvent event = decodeOrPark(record);
            if (event == null) {
                continue;
            }
            if (dispatcher.projectedOnly(event)) {
                run.add(new Decoded(record, event));
                if (run.size() >= properties.projectionBatchSize()) {
                    applyTogether(run);
                    run.clear();
                }
            } else {
                applyTogether(run);
                run.clear();
                apply(new Decoded(record, event));
            }
        }
        applyTogether(run);
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, IntegrationEvent event) {
    }

    private void applyTogether(List<Decoded> run) {
        if (run.size() == 1) {
            apply(run.getFirst());
        } else if (run.size() > 1) {
            boolean applied = dispatcher.dispatchTogether(run.stream()
                    .map(d -> new IntegrationEventDispatcher.Delivery(d.event(), work -> inSpan(d, () -> {
                        work.run();
                        logApplied(d);
                    })))
                    .toList());
            if (!applied) {
                log.debug("{} records failed together; applying them one by one", run.size());
                run.forEach(this::apply);
            }
        }
    }

    private void apply(Decoded decoded) {
        inSpan(decoded, () -> {
            ConsumerRecord<String, byte[]> record = decoded.record();
            try {
                dispatcher.dispatch(decoded.event());
            } catch (RetryException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.warn("Parking {}-{}@{}: reaction failed", record.topic(), record.partition(), record.offset(),
                        cause);
                deadLetters.park(record, ParkingReason.HANDLER_FAILED, cause.toString());
                return;
            }
            logApplied(decoded);
        });
    }

    /** A record without a value on a topic whose tombstones this service reacts to; elsewhere it is malformed. */
    private boolean isTombstoneTaken(ConsumerRecord<String, byte[]> record) {
        return record.value() == null && record.key() != null && dispatcher.takesTombstonesOn(record.topic());
    }

    private void applyTombstone(ConsumerRecord<String, byte[]> record) {
        inSpan(record, () -> {
            try {
                dispatcher.dispatchTombstone(record.topic(), record.key());
            } catch (RetryException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.warn("Parking tombstone {}-{}@{}: reaction failed", record.topic(), record.partition(),
                        record.offset(), cause);
                deadLetters.park(record, ParkingReason.HANDLER_FAILED, cause.toString());
                return;
            }
            log.debug("Consumed the tombstone of {} from {}-{}@{}", record.key(), record.topic(), record.partition(),
                    record.offset());
        });
    }

    private IntegrationEvent decodeOrPark(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.topic(), record.value());
        } catch (UndecodableRecordException e) {
            log.warn("Parking {}-{}@{}: {} {}", record.topic(), record.partition(), record.offset(), e.reason(),
                    e.getMessage());
            deadLetters.park(record, e.reason(), e.getMessage());
            return null;
        }
    }

    /** Runs {@code work} in a consumer span that continues the trace named by the record's {@code traceparent}. */
    private void inSpan(Decoded decoded, Runnable work) {
        inSpan(decoded.record(), work);
    }

    private void inSpan(ConsumerRecord<String, byte[]> record, Runnable work) {
        traces.inSpan("process " + record.topic(), Span.Kind.CONSUMER,
                header(record, IntegrationEventPublisher.TRACEPARENT_HEADER),
                Map.of("messaging.destination.name", record.topic(),
                        "messaging.kafka.partition", Integer.toString(record.partition()),
                        "messaging.kafka.offset", Long.toString(record.offset())),
                () -> {
                    work.run();
                    return null;
                });
    }

    private static void logApplied(Decoded decoded) {
        ConsumerRecord<String, byte[]> record = decoded.record();
        log.debug("Consumed {} {} from {}-{}@{}", header(record, IntegrationEventPublisher.TYPE_HEADER),
                decoded.event().eventId(), record.topic(), record.partition(), record.offset());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = properties.connection();
        config.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, properties.groupId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void pause() {
        try {
            Thread.sleep(properties.reconnectDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
