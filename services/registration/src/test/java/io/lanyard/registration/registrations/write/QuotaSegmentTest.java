package io.lanyard.registration.registrations.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotaSegmentTest {

    private static final UUID SEGMENT = UUID.randomUUID();
    private static final UUID TICKET_TYPE = UUID.randomUUID();
    private static final UUID CONFERENCE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-01-15T17:00:00Z");

    private AggregateTestFixture<QuotaSegment> fixture;
    private EventStore registrations;
    private final Set<String> registeredSubjects = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QuotaSegment.class);
        fixture.registerInjectableResource(
                (ActiveRegistrations) (conference, subject) -> registeredSubjects.contains(subject));
        // the sale opens a Registration aggregate in the same unit of work; keep its events in a store of their own
        registrations = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return EventSourcingRepository.builder(aggregateType).eventStore(registrations).build();
            }
        });
    }

    @Test
    void sells_a_seat_and_opens_the_attendees_registration() {
        UUID attendee = UUID.randomUUID();
        fixture.given(new QuotaSegmentOpened(SEGMENT, TICKET_TYPE, CONFERENCE, 2))
                .when(new TicketMessages.SellSeat(SEGMENT, attendee, "alice", "Alice", "alice@example.org", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeatSold(SEGMENT, TICKET_TYPE, attendee));
        assertThat(registrations.readEvents(attendee.toString()).asStream().map(m -> (Object) m.getPayload()))
                .containsExactly(new AttendeeRegistered(attendee, CONFERENCE, TICKET_TYPE, SEGMENT, "alice", "Alice",
                        "alice@example.org", NOW));
    }

    @Test
    void refuses_a_sale_when_the_allotment_is_sold() {
        fixture.given(new QuotaSegmentOpened(SEGMENT, TICKET_TYPE, CONFERENCE, 1),
                        new SeatSold(SEGMENT, TICKET_TYPE, UUID.randomUUID()))
                .when(new TicketMessages.SellSeat(SEGMENT, UUID.randomUUID(), "bob", "Bob", "bob@example.org", NOW))
                .expectException(SegmentSoldOutException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_second_live_registration_of_the_same_subject() {
        registeredSubjects.add("carol");
        fixture.given(new QuotaSegmentOpened(SEGMENT, TICKET_TYPE, CONFERENCE, 5))
                .when(new TicketMessages.SellSeat(SEGMENT, UUID.randomUUID(), "carol", "Carol", "c@example.org", NOW))
                .expectException(AlreadyRegisteredException.class)
                .expectNoEvents();
    }

    @Test
    void a_released_seat_can_be_sold_again() {
        UUID leaving = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        fixture.given(new QuotaSegmentOpened(SEGMENT, TICKET_TYPE, CONFERENCE, 1),
                        new SeatSold(SEGMENT, TICKET_TYPE, leaving),
                        new SeatReleased(SEGMENT, TICKET_TYPE, leaving))
                .when(new TicketMessages.SellSeat(SEGMENT, next, "dave", "Dave", "dave@example.org", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeatSold(SEGMENT, TICKET_TYPE, next));
        assertThat(registrations.readEvents(next.toString()).asStream()).hasSize(1);
    }

    @Test
    void releasing_gives_the_seat_back() {
        UUID leaving = UUID.randomUUID();
        fixture.given(new QuotaSegmentOpened(SEGMENT, TICKET_TYPE, CONFERENCE, 1),
                        new SeatSold(SEGMENT, TICKET_TYPE, leaving))
                .when(new TicketMessages.ReleaseSeat(SEGMENT, leaving))
                .expectEvents(new SeatReleased(SEGMENT, TICKET_TYPE, leaving));
    }
}
