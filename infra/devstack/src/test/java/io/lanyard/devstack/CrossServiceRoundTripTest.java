package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.registration.RegistrationApplication;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;

/** A registration made over HTTP reaches dinners through Kafka: the platform's round trip, end to end. */
class CrossServiceRoundTripTest {

    private static RunningService registration;
    private static RunningService dinners;

    @BeforeAll
    static void start() {
        String kafka = EmbeddedInfrastructure.kafka().getBrokersAsString();
        registration = RunningService.start(RegistrationApplication::application, "roundtrip_registration", kafka);
        dinners = RunningService.start(DinnersApplication::application, "roundtrip_dinners", kafka);
    }

    @AfterAll
    static void stop() {
        dinners.close();
        registration.close();
    }

    @Test
    void a_registration_reaches_the_dinner_service_replica() {
        Walkthrough walk = new Walkthrough(registration);
        String organizer = walk.token("olivia", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        UUID ticketType = walk.ticketType(organizer, conference, 100);
        String alice = walk.token("alice");
        UUID attendee = walk.register(alice, conference, ticketType, "Alice");

        Attendees known = dinners.bean(Attendees.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> known.find(conference, attendee).isPresent());
        assertThat(known.find(conference, attendee).orElseThrow())
                .extracting(Attendees.KnownAttendee::subject, Attendees.KnownAttendee::name)
                .containsExactly("alice", "Alice");
        assertThat(dinners.bean(Organizers.class).isOrganizer(conference, "olivia")).isTrue();

        Http.Response seen = dinners.http().get("/conferences/" + conference + "/attendees/" + attendee, alice);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("status").asString()).isEqualTo("REGISTERED");

        assertThat(registration.http().delete("/conferences/" + conference + "/registrations/" + attendee, alice)
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !known.find(conference, attendee).orElseThrow().active());
    }
}
