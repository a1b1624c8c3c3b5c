package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.dinners.DinnerTicketConfirmed;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.sprints.SprintAnnounced;
import io.lanyard.kernel.events.sprints.SprintAttendanceRecorded;
import io.lanyard.kernel.events.sprints.SprintParticipantJoined;
import io.lanyard.kernel.events.sprints.SprintParticipantLeftDays;
import io.lanyard.kernel.events.volunteering.ShiftScheduled;
import io.lanyard.kernel.events.volunteering.VolunteerSignedUp;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = "spring.config.name=registration")
class ItineraryTest extends RegistrationTestSupport {

    @Test
    void the_itinerary_gathers_dinner_tickets_shifts_and_sprint_days_from_the_other_services() {
        String organizer = organizerToken("olivia");
        String alice = attendeeToken("alice");
        Registered registered = registered(organizer, alice);
        UUID conference = registered.conference();
        UUID attendee = registered.attendee();
        String path = registered.itinerary();

        Http.Response empty = http().get(path, alice);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("dinnerTickets")).isEmpty();
        assertThat(empty.json().get("shifts")).isEmpty();
        assertThat(empty.json().get("sprints")).isEmpty();

        UUID dinner = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        UUID shift = UUID.randomUUID();
        UUID sprint = UUID.randomUUID();
        Instant now = Instant.now();
        OffsetDateTime evening = OffsetDateTime.parse("2027-05-16T19:00:00-07:00");
        RegistrationFeed.publish(new DinnerTicketHeld(UUID.randomUUID(), conference, now, dinner, ticket, attendee,
                "Art Museum Dinner", evening, now.plusSeconds(900)));
        RegistrationFeed.publish(new DinnerTicketConfirmed(UUID.randomUUID(), conference, now, dinner, ticket, attendee));
        RegistrationFeed.publish(new ShiftScheduled(UUID.randomUUID(), conference, now, shift, "Bag stuffing",
                "bag-stuffing", "Hall A", OffsetDateTime.parse("2027-05-14T17:00:00-07:00"),
                OffsetDateTime.parse("2027-05-14T19:00:00-07:00"), 40));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now, shift, attendee));
        List<LocalDate> days = List.of(LocalDate.of(2027, 5, 20), LocalDate.of(2027, 5, 21));
        RegistrationFeed.publish(new SprintAnnounced(UUID.randomUUID(), conference, now, sprint, "CPython",
                UUID.randomUUID(), days, 30));
        RegistrationFeed.publish(new SprintParticipantJoined(UUID.randomUUID(), conference, now, sprint, attendee, days));
        RegistrationFeed.publish(new SprintAttendanceRecorded(UUID.randomUUID(), conference, now, sprint, attendee,
                days.getFirst()));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var view = http().get(path, alice).json();
            return view.get("dinnerTickets").size() == 1
                    && "CONFIRMED".equals(view.get("dinnerTickets").get(0).get("status").asString())
                    && view.get("shifts").size() == 1
                    && view.get("sprints").size() == 1
                    && view.get("sprints").get(0).get("attendedDays").size() == 1;
        });
        var view = http().get(path, organizer).json();
        assertThat(view.get("dinnerTickets").get(0).get("dinnerName").asString()).isEqualTo("Art Museum Dinner");
        assertThat(view.get("shifts").get(0).get("title").asString()).isEqualTo("Bag stuffing");
        assertThat(view.get("sprints").get(0).get("project").asString()).isEqualTo("CPython");
        assertThat(view.get("sprints").get(0).get("days")).hasSize(2);

        assertThat(http().get(path, attendeeToken("mallory")).status()).isEqualTo(403);
        assertThat(http().get("/conferences/" + conference + "/attendees/" + UUID.randomUUID() + "/itinerary", organizer)
                .status()).isEqualTo(404);
    }

    /**
     * Dinners and shifts with offsets of their own: by their text the first of each pair sorts first, by their
     * instant the second does (19:00-07:00 is 02:00Z, after 01:30Z).
     */
    @Test
    void the_itinerary_lists_dinners_and_shifts_by_their_real_instant_soonest_first() {
        String alice = attendeeToken("alice");
        Registered registered = registered(organizerToken("olivia"), alice);
        String path = registered.itinerary();

        dinner(registered, "Harbour Cruise", "2027-05-16T19:00:00-07:00");
        dinner(registered, "Rooftop Dinner", "2027-05-17T01:30:00Z");
        shift(registered, "Registration desk", "2027-05-14T18:00:00-07:00", "2027-05-14T20:00:00-07:00");
        shift(registered, "Speaker ready room", "2027-05-15T00:30:00Z", "2027-05-15T02:30:00Z");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var view = http().get(path, alice).json();
            return view.get("dinnerTickets").size() == 2 && view.get("shifts").size() == 2;
        });
        var view = http().get(path, alice).json();
        assertThat(view.get("dinnerTickets").valueStream().map(t -> t.get("dinnerName").asString()))
                .containsExactly("Rooftop Dinner", "Harbour Cruise");
        assertThat(view.get("shifts").valueStream().map(t -> t.get("title").asString()))
                .containsExactly("Speaker ready room", "Registration desk");
    }

    @Test
    void days_a_cancelled_participant_gave_up_leave_the_itinerary_and_the_days_they_kept_stay() {
        String alice = attendeeToken("alice");
        Registered registered = registered(organizerToken("olivia"), alice);
        UUID sprint = UUID.randomUUID();
        Instant now = Instant.now();
        List<LocalDate> days = List.of(LocalDate.of(2027, 5, 20), LocalDate.of(2027, 5, 21), LocalDate.of(2027, 5, 22));
        RegistrationFeed.publish(new SprintAnnounced(UUID.randomUUID(), registered.conference(), now, sprint, "CPython",
                UUID.randomUUID(), days, 30));
        RegistrationFeed.publish(new SprintParticipantJoined(UUID.randomUUID(), registered.conference(), now, sprint,
                registered.attendee(), days));
        RegistrationFeed.publish(new SprintParticipantLeftDays(UUID.randomUUID(), registered.conference(), now, sprint,
                registered.attendee(), days.subList(1, 3)));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var view = http().get(registered.itinerary(), alice).json();
            return view.get("sprints").size() == 1 && view.get("sprints").get(0).get("days").size() == 1;
        });
        assertThat(http().get(registered.itinerary(), alice).json().get("sprints").get(0).get("days")
                .valueStream().map(d -> d.asString())).containsExactly("2027-05-20");
    }

    private static void dinner(Registered registered, String name, String startsAt) {
        Instant now = Instant.now();
        RegistrationFeed.publish(new DinnerTicketHeld(UUID.randomUUID(), registered.conference(), now,
                UUID.randomUUID(), UUID.randomUUID(), registered.attendee(), name, OffsetDateTime.parse(startsAt),
                now.plusSeconds(900)));
    }

    private static void shift(Registered registered, String title, String startsAt, String endsAt) {
        Instant now = Instant.now();
        UUID shift = UUID.randomUUID();
        RegistrationFeed.publish(new ShiftScheduled(UUID.randomUUID(), registered.conference(), now, shift, title,
                "desk", "Hall A", OffsetDateTime.parse(startsAt), OffsetDateTime.parse(endsAt), 4));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), registered.conference(), now, shift,
                registered.attendee()));
    }

    private record Registered(UUID conference, UUID attendee, String itinerary) {
    }

    /** A new conference of the organizer's, and the attendee registered for it. */
    private Registered registered(String organizer, String attendeeToken) {
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        UUID attendee = UUID.fromString(register(attendeeToken, conference, ticketType, "Alice").json().get("id")
                .asString());
        return new Registered(conference, attendee, "/conferences/" + conference + "/attendees/" + attendee
                + "/itinerary");
    }
}
