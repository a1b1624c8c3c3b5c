package io.lanyard.registration.registrations.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    private static final UUID ATTENDEE = UUID.randomUUID();
    private static final UUID CONFERENCE = UUID.randomUUID();
    private static final UUID TICKET_TYPE = UUID.randomUUID();
    private static final UUID SEGMENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-05-15T08:00:00Z");
    private static final AttendeeRegistered REGISTERED = new AttendeeRegistered(ATTENDEE, CONFERENCE, TICKET_TYPE,
            SEGMENT, "alice", "Alice", "alice@example.org", NOW);

    private AggregateTestFixture<Registration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Registration.class);
    }

    @Test
    void checks_in_a_registered_attendee() {
        fixture.given(REGISTERED)
                .when(new RegistrationMessages.CheckIn(ATTENDEE, "olivia", NOW))
                .expectEvents(new AttendeeCheckedIn(ATTENDEE, CONFERENCE, "olivia", NOW));
    }

    @Test
    void refuses_a_second_check_in() {
        fixture.given(REGISTERED, new AttendeeCheckedIn(ATTENDEE, CONFERENCE, "olivia", NOW))
                .when(new RegistrationMessages.CheckIn(ATTENDEE, "olivia", NOW))
                .expectException(AlreadyCheckedInException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_to_check_in_a_cancelled_registration() {
        fixture.given(REGISTERED,
                        new RegistrationCancelled(ATTENDEE, CONFERENCE, TICKET_TYPE, SEGMENT, "alice", "alice",
                                RegistrationCancelled.Canceller.OWNER))
                .when(new RegistrationMessages.CheckIn(ATTENDEE, "olivia", NOW))
                .expectException(RegistrationCancelledException.class)
                .expectNoEvents();
    }

    @Test
    void a_cancellation_stored_before_it_said_who_cancelled_reads_as_an_organizers() {
        Serializer serializer = Jackson3Serializer.builder().build();
        byte[] stored = """
                {"attendeeId":"%s","conferenceId":"%s","ticketTypeId":"%s","segmentId":"%s","subject":"alice",\
                "cancelledBy":"olivia"}""".formatted(ATTENDEE, CONFERENCE, TICKET_TYPE, SEGMENT)
                .getBytes(StandardCharsets.UTF_8);
        RegistrationCancelled read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                RegistrationCancelled.class.getName(), null));
        assertThat(read).isEqualTo(new RegistrationCancelled(ATTENDEE, CONFERENCE, TICKET_TYPE, SEGMENT, "alice",
                "olivia", RegistrationCancelled.Canceller.ORGANIZER));
    }
}
