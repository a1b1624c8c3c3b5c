package io.lanyard.registration.conference.write;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConferenceTest {

    private static final UUID CONFERENCE = UUID.randomUUID();
    private static final ConferenceCreated CREATED = new ConferenceCreated(CONFERENCE, "PyCon US 2027",
            LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 22), "America/Los_Angeles", "olivia");

    private AggregateTestFixture<Conference> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conference.class);
    }

    @Test
    void the_creator_is_the_first_organizer() {
        fixture.givenNoPriorActivity()
                .when(new ConferenceMessages.CreateConference(CONFERENCE, "PyCon US 2027", LocalDate.of(2027, 5, 14),
                        LocalDate.of(2027, 5, 22), "America/Los_Angeles", "olivia"))
                .expectEvents(CREATED);
    }

    @Test
    void organizers_add_organizers() {
        fixture.given(CREATED)
                .when(new ConferenceMessages.AddOrganizer(CONFERENCE, "oscar"))
                .expectEvents(new OrganizerAdded(CONFERENCE, "oscar"));
    }

    @Test
    void adding_an_existing_organizer_again_changes_nothing() {
        fixture.given(CREATED, new OrganizerAdded(CONFERENCE, "oscar"))
                .when(new ConferenceMessages.AddOrganizer(CONFERENCE, "oscar"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
