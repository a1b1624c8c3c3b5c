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

import io.lanyard.registration.registrations.write.RegistrationCancelled.Canceller;

/**
 * Cancelling involves two aggregates; the handler cancels the registration and returns the seat to its segment.
 * The registration decides whether its owner may still cancel: before the conference starts (midnight of its first
 * day where it takes place) and before check-in. Organizers always may.
 */
class CancelRegistrationCommandHandlerTest {

    private static final UUID ATTENDEE = UUID.randomUUID();
    private static final UUID CONFERENCE = UUID.randomUUID();
    private static final UUID TICKET_TYPE = UUID.randomUUID();
    private static final UUID SEGMENT = UUID.randomUUID();
    /** 2027-05-14 at midnight in America/Los_Angeles. */
    private static final Instant STARTS_AT = Instant.parse("2027-05-14T07:00:00Z");
    private static final Instant BEFORE_START = STARTS_AT.minusSeconds(1);
    private static final AttendeeRegistered REGISTERED = new AttendeeRegistered(ATTENDEE, CONFERENCE, TICKET_TYPE,
            SEGMENT, "alice", "Alice", "alice@example.org", Instant.parse("2027-01-15T17:00:00Z"));
    private static final AttendeeCheckedIn CHECKED_IN = new AttendeeCheckedIn(ATTENDEE, CONFERENCE, "olivia",
            BEFORE_START.minusSeconds(3600));

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
                .when(byOwner(BEFORE_START))
                .expectEvents(cancelled("alice", Canceller.OWNER));
        assertThat(sentToSegments)
                .containsExactly(new TicketMessages.ReleaseSeat(SEGMENT, ATTENDEE));
    }

    @Test
    void cancelling_twice_changes_nothing_and_returns_no_second_seat() {
        fixture.given(REGISTERED, cancelled("alice", Canceller.OWNER))
                .when(byOrganizer(BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(sentToSegments).isEmpty();
    }

    @Test
    void an_owner_may_cancel_until_the_conference_starts() {
        fixture.given(REGISTERED)
                .when(byOwner(BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectEvents(cancelled("alice", Canceller.OWNER));
    }

    @Test
    void an_owner_may_not_cancel_once_the_conference_has_started() {
        fixture.given(REGISTERED)
                .when(byOwner(STARTS_AT))
                .expectException(CancellationClosedException.class)
                .expectExceptionMessage("owners may cancel only before the conference starts (2027-05-14T07:00:00Z)")
                .expectNoEvents();
        assertThat(sentToSegments).isEmpty();
    }

    @Test
    void an_owner_may_not_cancel_after_check_in() {
        fixture.given(REGISTERED, CHECKED_IN)
                .when(byOwner(BEFORE_START))
                .expectException(CancellationClosedException.class)
                .expectNoEvents();
        assertThat(sentToSegments).isEmpty();
    }

    @Test
    void an_organizer_may_cancel_after_check_in_and_after_the_conference_started() {
        fixture.given(REGISTERED, CHECKED_IN)
                .when(byOrganizer(STARTS_AT.plusSeconds(86_400 * 10)))
                .expectEvents(cancelled("olivia", Canceller.ORGANIZER));
        assertThat(sentToSegments).containsExactly(new TicketMessages.ReleaseSeat(SEGMENT, ATTENDEE));
    }

    @Test
    void an_owner_may_cancel_a_registration_to_a_conference_known_without_dates() {
        fixture.given(REGISTERED)
                .when(new RegistrationMessages.CancelRegistration(ATTENDEE, "alice", Canceller.OWNER, null,
                        STARTS_AT.plusSeconds(86_400 * 10)))
                .expectEvents(cancelled("alice", Canceller.OWNER));
    }

    private static RegistrationMessages.CancelRegistration byOwner(Instant at) {
        return new RegistrationMessages.CancelRegistration(ATTENDEE, "alice", Canceller.OWNER, STARTS_AT, at);
    }

    private static RegistrationMessages.CancelRegistration byOrganizer(Instant at) {
        return new RegistrationMessages.CancelRegistration(ATTENDEE, "olivia", Canceller.ORGANIZER, STARTS_AT, at);
    }

    private static RegistrationCancelled cancelled(String by, Canceller canceller) {
        return new RegistrationCancelled(ATTENDEE, CONFERENCE, TICKET_TYPE, SEGMENT, "alice", by, canceller);
    }
}
