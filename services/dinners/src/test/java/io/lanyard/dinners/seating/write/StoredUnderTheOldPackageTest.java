package io.lanyard.dinners.seating.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.dinners.seating.write.DinnerMessages.PayForTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.RequestTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;
import io.lanyard.testsupport.ServiceTest;

/**
 * A dinner whose history was written before the packages took the {@code seating/write} shape: its events and its
 * snapshot are stored under {@code io.lanyard.dinners.seating.*}. The store reads them as today's classes and the
 * dinner goes on deciding from them.
 */
@ServiceTest(properties = "spring.config.name=dinners")
class StoredUnderTheOldPackageTest extends DinnersTestSupport {

    private static final String OLD_PACKAGE = "io.lanyard.dinners.seating.";
    private static final Instant T0 = Instant.parse("2027-05-01T19:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    Serializer serializer;

    @Test
    void a_dinner_stored_under_the_old_package_is_read_from_its_events_and_snapshot_and_still_decides() {
        UUID conference = UUID.randomUUID();
        UUID dinner = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID alices = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();
        OffsetDateTime startsAt = OffsetDateTime.of(2027, 5, 19, 19, 0, 0, 0, ZoneOffset.ofHours(-7));
        DinnerScheduled scheduled = new DinnerScheduled(dinner, conference, "Speakers' dinner", "Museum", startsAt,
                1, 6500, "USD", "olivia");
        TicketHeld held = new TicketHeld(dinner, conference, alices, alice, List.of("vegan"), T0,
                Instant.parse("2099-01-01T00:00:00Z"), "Speakers' dinner", startsAt, "alice", null);
        TicketWaitlisted waitlisted = new TicketWaitlisted(dinner, conference, bobs, bob, List.of(), T0,
                "Speakers' dinner", startsAt, "bob", null);
        storeEvent(dinner, 0, scheduled);
        storeEvent(dinner, 1, held);
        Dinner snapshot = new Dinner();
        snapshot.on(scheduled);
        snapshot.on(held);
        storeSnapshot(dinner, 1, snapshot);
        storeEvent(dinner, 2, waitlisted);

        List<Object> history = new ArrayList<>();
        eventStore.readEvents(dinner.toString(), 0).asStream().forEach(event -> history.add(event.getPayload()));
        assertThat(history).containsExactly(scheduled, held, waitlisted);
        DomainEventStream fromSnapshot = eventStore.readEvents(dinner.toString());
        DomainEventMessage<?> first = fromSnapshot.next();
        assertThat(first.getPayload()).as("the old snapshot is read, not passed over").isInstanceOf(Dinner.class);
        assertThat(first.getSequenceNumber()).isEqualTo(1);

        TicketStatus paid = commands.sendAndWait(new PayForTicket(dinner, alices, "pay-alice", T0.plusSeconds(60)));
        assertThat(paid).isEqualTo(TicketStatus.CONFIRMED);
        // a request is decided only for an attendee the directory has registered
        attendees.registered(bob, conference, "bob", "Bob");
        UUID carolsId = UUID.randomUUID();
        attendees.registered(carolsId, conference, "carol", "Carol");
        assertThatThrownBy(() -> commands.sendAndWait(new RequestTicket(dinner, conference, UUID.randomUUID(), bob,
                List.of(),
                "bob", null, T0)))
                .as("bob's place on the waiting list, stored after the snapshot, is known")
                .hasCauseInstanceOf(AlreadyHasTicketException.class);
        TicketDecision carol = commands.sendAndWait(new RequestTicket(dinner, conference, UUID.randomUUID(),
                carolsId, List.of(), "carol", null, T0));
        assertThat(carol.status()).as("the one seat is sold").isEqualTo(TicketStatus.WAITLISTED);
    }

    private void storeEvent(UUID dinner, long sequence, Object event) {
        jdbc.sql("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, 'Dinner', ?, ?, ?, null, ?, ?)""")
                .params(dinner.toString(), sequence, UUID.randomUUID().toString(), metaData(),
                        serializer.serialize(event, byte[].class).getData(),
                        OLD_PACKAGE + event.getClass().getSimpleName(), T0.toString())
                .update();
    }

    private void storeSnapshot(UUID dinner, long sequence, Dinner state) {
        jdbc.sql("""
                        insert into snapshot_event_entry (aggregate_identifier, sequence_number, type,
                                                          event_identifier, meta_data, payload, payload_revision,
                                                          payload_type, time_stamp)
                        values (?, ?, 'Dinner', ?, ?, ?, null, ?, ?)""")
                .params(dinner.toString(), sequence, UUID.randomUUID().toString(), metaData(),
                        serializer.serialize(state, byte[].class).getData(), OLD_PACKAGE + "Dinner", T0.toString())
                .update();
    }

    private byte[] metaData() {
        return serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
    }
}
