package io.lanyard.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitWakingEventSourceTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        store.shutDown();
    }

    @Test
    void wakes_the_processor_when_a_local_unit_of_work_commits_not_before() throws InterruptedException {
        CommitWakingEventSource source = source(Duration.ofHours(1));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(GenericEventMessage.asEventMessage("registered"));
        assertThat(wakeUps).hasValue(0);
        unitOfWork.commit();

        assertThat(wakeUps).hasValue(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("registered");
        assertThat(stream.hasNextAvailable()).isFalse();
    }

    @Test
    void a_rolled_back_unit_of_work_wakes_nobody() {
        CommitWakingEventSource source = source(Duration.ofHours(1));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(GenericEventMessage.asEventMessage("never stored"));
        unitOfWork.rollback();

        assertThat(wakeUps).hasValue(0);
        assertThat(stream.hasNextAvailable()).isFalse();
    }

    @Test
    void commits_of_other_instances_are_found_by_the_poll() throws InterruptedException {
        CommitWakingEventSource source = source(Duration.ofMillis(20));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);

        // another instance appends straight to the shared storage, past this instance's event bus
        engine.appendEvents(GenericEventMessage.asEventMessage("from elsewhere"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(wakeUps).hasValueGreaterThan(0));
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("from elsewhere");
    }

    @Test
    void a_closed_stream_is_no_longer_woken() {
        CommitWakingEventSource source = source(Duration.ofHours(1));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);
        stream.close();

        store.publish(GenericEventMessage.asEventMessage("after close"));

        assertThat(wakeUps).hasValue(0);
    }

    private CommitWakingEventSource source(Duration pollInterval) {
        CommitWakingEventSource source = new CommitWakingEventSource(store, engine, pollInterval);
        closing.add(source);
        return source;
    }
}
