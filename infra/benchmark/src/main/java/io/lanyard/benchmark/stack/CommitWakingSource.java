package io.lanyard.benchmark.stack;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The change the propagation scenario proposes for the platform, applied only in the benchmark's comparison run:
 * an event source for the publishing processor that reads the store directly and tells the processor when a
 * local transaction has committed new events. Axon's embedded event store cannot tell a pooled streaming
 * processor that events are available, so an idle processor looks again only every 500 ms; with this source it
 * looks right after each commit.
 */
final class CommitWakingSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final int BATCH = 100;

    private final EventStore store;
    private final EventStorageEngine engine;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    CommitWakingSource(EventStore store, EventStorageEngine engine) {
        this.store = store;
        this.engine = engine;
        store.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> callbacks.forEach(Runnable::run));
        } else {
            callbacks.forEach(Runnable::run);
        }
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

    /** Reads the next batch from the store whenever it has nothing buffered; never blocks on its own. */
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
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(10_000_000L, deadline - System.nanoTime()));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            while (!fill()) {
                LockSupport.parkNanos(10_000_000L);
            }
            TrackedEventMessage<?> next = buffer.pollFirst();
            last = next.trackingToken();
            return next;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
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
