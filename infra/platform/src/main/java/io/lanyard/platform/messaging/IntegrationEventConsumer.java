package io.lanyard.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
 * Polls the subscribed topics on one thread and applies each partition's records on a pool of workers
 * ({@code lanyard.kafka.consumer-workers}), so that one partition waiting on a lock or a slow reaction stops no
 * other. A partition is paused while its records are being applied, so its records are applied one poll's worth at
 * a time, in order; its offset is committed only after they took effect or were parked, and only then is it resumed.
 * When something unexpected happens (the database is down, say) the consumer waits for the work under way, commits
 * what took effect, and is closed and reopened after a pause, so the rest comes again and the inbox drops repeats.
 * A rebalance that takes partitions away waits for their work and commits it first, so no record is applied by two
 * consumers at once. Each record is applied in a consumer span that continues the trace named by its
 * {@code traceparent} header.
 */
public class IntegrationEventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventConsumer.class);
    /** How long a poll waits while work is under way: that long at most between a batch's end and its commit. */
    private static final Duration POLL_WHILE_BUSY = Duration.ofMillis(5);
    private static final Duration POLL_WHILE_IDLE = Duration.ofMillis(500);

    private final KafkaBackboneProperties properties;
    private final IntegrationEventCodec codec;
    private final IntegrationEventDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final TraceContexts traces;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Supplier<Consumer<String, byte[]>> consumers;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;
    private ExecutorService workers;

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
        String name = "lanyard-consumer-" + properties.groupId();
        AtomicInteger workerNumber = new AtomicInteger();
        // the workers are made by the polling thread, so they inherit its thread-locals (the service's log label)
        workers = Executors.newFixedThreadPool(Math.max(1, properties.consumerWorkers()), work -> {
            Thread worker = new Thread(work, name + "-" + workerNumber.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        });
        thread = new Thread(this::run, name);
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
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void run() {
        while (running.get()) {
            boolean failed = false;
            Consumer<String, byte[]> kafka = null;
            Partitions partitions = null;
            try {
                kafka = consumers.get();
                consumer = kafka;
                partitions = new Partitions(kafka);
                kafka.subscribe(properties.subscriptions(), partitions);
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records =
                            kafka.poll(partitions.busy() ? POLL_WHILE_BUSY : POLL_WHILE_IDLE);
                    for (TopicPartition partition : records.partitions()) {
                        partitions.apply(partition, records.records(partition));
                    }
                    partitions.commitFinished();
                }
            } catch (WakeupException e) {
                // stop() asked us to leave the poll
            } catch (RuntimeException e) {
                log.warn("Consumer {} failed, reconnecting in {}: {}", properties.groupId(),
                        properties.reconnectDelay(), e.toString());
                failed = true;
            } finally {
                if (partitions != null) {
                    partitions.finish();
                }
                consumer = null;
                if (kafka != null) {
                    closeQuietly(kafka);
                }
            }
            if (failed) {
                pause();
            }
        }
    }

    /**
     * The partitions whose records are being applied: each is paused until its work ends, then its offset is
     * committed and it is resumed. Used by the polling thread only (the Kafka consumer is not thread-safe); the
     * rebalance callbacks run inside its poll.
     */
    private final class Partitions implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> kafka;
        private final Map<TopicPartition, Future<Long>> underWay = new HashMap<>();

        Partitions(Consumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        boolean busy() {
            return !underWay.isEmpty();
        }

        void apply(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
            kafka.pause(List.of(partition));
            long next = records.getLast().offset() + 1;
            underWay.put(partition, workers.submit(() -> {
                applyAll(records);
                return next;
            }));
        }

        /**
         * Commits the offsets of the partitions whose work ended and resumes them; rethrows what a failed one threw,
         * after committing the others, so that the consumer reconnects and the failed partition's records come again.
         */
        void commitFinished() {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            RuntimeException failure = null;
            for (var it = underWay.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<TopicPartition, Future<Long>> work = it.next();
                if (!work.getValue().isDone()) {
                    continue;
                }
                it.remove();
                try {
                    done.put(work.getKey(), new OffsetAndMetadata(work.getValue().get()));
                } catch (ExecutionException e) {
                    failure = failure != null ? failure
                            : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while applying records", e);
                }
            }
            if (!done.isEmpty()) {
                kafka.commitSync(done);
            }
            if (failure != null) {
                throw failure;
            }
            Set<TopicPartition> assigned = kafka.assignment();
            List<TopicPartition> resumable = done.keySet().stream().filter(assigned::contains).toList();
            if (!resumable.isEmpty()) {
                kafka.resume(resumable);
            }
        }

        /** Waits for the given partitions' work to end. */
        void await(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                Future<Long> work = underWay.get(partition);
                if (work == null) {
                    continue;
                }
                try {
                    work.get();
                } catch (ExecutionException e) {
                    // reported by commitFinished
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (CancellationException e) {
                    underWay.remove(partition);
                }
            }
        }

        /** On leaving: waits for all work under way and commits what took effect, as far as Kafka still lets us. */
        void finish() {
            await(List.copyOf(underWay.keySet()));
            try {
                commitFinished();
            } catch (RuntimeException e) {
                log.debug("Consumer {} left without committing everything: {}", properties.groupId(), e.toString());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            await(partitions);
            commitFinished();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // a partition comes unpaused, from its committed offset
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // another member may have them already: let the work end, commit nothing, and let the inbox drop repeats
            await(partitions);
            partitions.forEach(underWay::remove);
        }
    }

    private void closeQuietly(Consumer<String, byte[]> kafka) {
        try {
            kafka.close();
        } catch (RuntimeException e) {
            log.debug("Closing consumer {}: {}", properties.groupId(), e.toString());
        }
    }

    /**
     * Applies one partition's records of a poll in order. A run of records that only projections react to shares one
     * transaction (up to {@code lanyard.kafka.projection-batch-size}); one whose reactions may send commands, and
     * every record of a run that failed together, is applied in a transaction of its own, retried and, failing that,
     * parked.
     */
    private void applyAll(List<ConsumerRecord<String, byte[]>> records) {
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
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
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
