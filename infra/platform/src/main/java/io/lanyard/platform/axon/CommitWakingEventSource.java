package io.lanyard.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event source of the Kafka publisher: reads the store directly and wakes the processor as soon as a local
 * unit of work has committed events.
 * <p>
 * Axon's {@code EmbeddedEventStore} offers a pooled streaming processor no availability callback, so an idle
 * processor looks for new events only every 500 ms: a registration waited 0–500 ms (uniformly) before it was
 * handed to Kafka (docs/benchmarks.md, scenario 4). This source tells the processor after every commit in this
 * instance; commits of other instances on the same database are picked up by a poll every
 * {@code lanyard.axon.publisher-poll-interval}, which is what the processor did for every event before.
 */
final class CommitWakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final int BATCH = 100;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventStore store;
    private final EventStorageEngine engine;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final Registration subscription;
    private final ScheduledExecutorService poller;

    CommitWakingEventSource(EventStore store, EventStorageEngine engine, Duration pollInterval) {
        this.store = store;
        this.engine = engine;
        this.subscription = store.subscribe(this::published);
        this.poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lanyard-publisher-poll").daemon(true).factory());
        long interval = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::wake, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> wake());
        } else {
            wake();
        }
    }

    private void wake() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        return new StoreStream(from);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        subscription.cancel();
        poller.shutdownNow();
    }

    /** Reads the next batch from the store whenever nothing is buffered; the processor's thread does the reading. */
    private final class StoreStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        private TrackingToken last;
        private Runnable callback;

        StoreStream(TrackingToken from) {
            this.last = from;
        }

        private boolean fill() {
            if (buffer.isEmpty()) {
                try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(last, false)) {
                    events.limit(BATCH).forEach(buffer::add);
                }
            }
            return !buffer.isEmpty();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return fill() ? Optional.of(buffer.peekFirst()) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!fill()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(IDLE_PARK_NANOS, left));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            while (!fill()) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
            TrackedEventMessage<?> next = buffer.pollFirst();
            last = next.trackingToken();
            return next;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
        }
    }
}
