package io.lanyard.volunteering.shifts.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Repository;

import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.CommitLocks;

/**
 * The second aggregate of a {@link ShiftSignUpCommandHandler} fixture test. An Axon fixture owns one aggregate
 * instance; the other one the handler loads lives here, in a real event-sourcing repository over an in-memory event
 * store.
 */
final class OtherAggregate<T> {

    /** Fixtures run one command at a time; the database locks matter only between transactions. */
    static final CommitLocks NO_LOCKS = new CommitLocks(null) {
        @Override
        public void lock(String key) {
        }
    };
    static final AttendeeLocks NO_ATTENDEE_LOCKS = new AttendeeLocks(NO_LOCKS);
    /** Nobody in these tests had a schedule kept per registration. */
    static final PersonRegistrations NO_EARLIER_REGISTRATIONS = (conference, person) -> List.of();
    /** Nobody in these tests was erased. */
    static final ErasedVolunteers NONE_ERASED = attendee -> Optional.empty();

    /** The person (token {@code sub}) behind an attendee id in the fixture tests. */
    static String personOf(UUID attendee) {
        return "sub-" + attendee;
    }

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final EventSourcingRepository<T> repository;
    private final String type;
    private final Map<UUID, Long> nextSequence = new HashMap<>();

    OtherAggregate(Class<T> aggregateType) {
        this.repository = EventSourcingRepository.builder(aggregateType).eventStore(store).build();
        this.type = aggregateType.getSimpleName();
    }

    Repository<T> repository() {
        return repository;
    }

    OtherAggregate<T> given(UUID id, Object... events) {
        for (Object event : events) {
            long sequence = nextSequence.merge(id, 1L, Long::sum) - 1;
            store.publish(new GenericDomainEventMessage<>(type, id.toString(), sequence, event));
        }
        return this;
    }

    List<Object> allEventsOf(UUID id) {
        return store.readEvents(id.toString()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /** The events the test's command appended, after those it was given. */
    List<Object> newEventsOf(UUID id) {
        return store.readEvents(id.toString()).asStream()
                .skip(nextSequence.getOrDefault(id, 0L))
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }
}
