package io.lanyard.registration.registrations.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancelling involves two aggregates; the handler cancels the registration and returns the seat to its segment. */
class CancelRegistrationCommandHandlerTest {

    private static final UUID ATTENDEE = UUID.randomUUID();
    private static final UUID CONFERENCE = UUID.randomUUID();
    private static final UUID TICKET_TYPE = UUID.randomUUID();
    private static final UUID SEGMENT = UUID.randomUUID();
    private static final AttendeeRegistered REGISTERED = new AttendeeRegistered(ATTENDEE, CONFERENCE, TICKET_TYPE,
            SEGMENT, "alice", "Alice", "alice@example.org", Instant.parse("2027-01-15T17:00:00Z"));

    private AggregateTestFixture<Registration> fixture;
    private final List<Object> sentToSegments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Registration.class);
        EventStore store = fixture.getEventStore();
        fixture.registerInjectableResource(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
        fixture.registerAnnotatedCommandHandler(new CancelRegistrationCommandHandler(
                EventSourcingRepository.builder(Registration.class).eventStore(store).build()));
        fixture.registerCommandHandler(TicketMessages.ReleaseSeat.class, message -> {
            sentToSegments.add(message.getPayload());
            return null;
        });
    }

    @Test
    void cancelling_gives_the_seat_back_to_the_segment_that_sold_it() {
        fixture.given(REGISTERED)
                .when(new RegistrationMessages.CancelRegistration(ATTENDEE, "alice"))
                .expectEvents(new RegistrationCancelled(ATTENDEE, CONFERENCE, TICKET_TYPE, SEGMENT, "alice", "alice"));
        assertThat(sentToSegments)
                .containsExactly(new TicketMessages.ReleaseSeat(SEGMENT, ATTENDEE));
    }

    @Test
    void cancelling_twice_changes_nothing_and_returns_no_second_seat() {
        fixture.given(REGISTERED,
                        new RegistrationCancelled(ATTENDEE, CONFERENCE, TICKET_TYPE, SEGMENT, "alice", "alice"))
                .when(new RegistrationMessages.CancelRegistration(ATTENDEE, "olivia"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(sentToSegments).isEmpty();
    }
}
