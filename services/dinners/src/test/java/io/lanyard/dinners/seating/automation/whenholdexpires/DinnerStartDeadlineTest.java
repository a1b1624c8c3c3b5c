package io.lanyard.dinners.seating.automation.whenholdexpires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.dinners.PublishedEvents;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.dinners.DinnerTicketExpired;
import io.lanyard.kernel.events.registration.ConferenceCreated;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;

/**
 * The persistent deadline at a dinner's start, fired by db-scheduler on the real time: a conference running this
 * very week, so a dinner seconds away falls within its dates.
 */
@ServiceTest(properties = "spring.config.name=dinners")
class DinnerStartDeadlineTest extends DinnersTestSupport {

    private static final Duration AHEAD = Duration.ofSeconds(8);

    @Test
    void the_holds_and_the_waiting_list_left_at_a_dinners_start_expire_there_and_paid_tickets_stay() {
        UUID conference = conferenceThisWeek("olivia");
        String organizer = organizerToken("olivia");
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID carol = attendee(conference, "carol", "Carol");
        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.UTC).plus(AHEAD).truncatedTo(ChronoUnit.SECONDS);
        UUID dinner = createDinner(organizer, conference, 2, startsAt);

        try (PublishedEvents published = new PublishedEvents()) {
            Http.Response held = requestTicket(token("alice"), conference, dinner, alice);
            String alices = held.json().get("id").asString();
            assertThat(pay(token("alice"), conference, dinner, alices).status()).isEqualTo(200);
            String bobs = requestTicket(token("bob"), conference, dinner, bob).json().get("id").asString();
            String carols = requestTicket(token("carol"), conference, dinner, carol).json().get("id").asString();
            assertThat(status(organizer, conference, dinner, bobs)).isEqualTo("HELD");
            assertThat(status(organizer, conference, dinner, carols)).isEqualTo("WAITLISTED");
            assertThat(Instant.now()).as("the tickets were asked for before the start").isBefore(startsAt.toInstant());

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    status(organizer, conference, dinner, bobs).equals("EXPIRED")
                            && status(organizer, conference, dinner, carols).equals("EXPIRED"));
            assertThat(Instant.now()).isAfterOrEqualTo(startsAt.toInstant());
            assertThat(status(organizer, conference, dinner, alices)).isEqualTo("CONFIRMED");
            Http.Response seats = dinner(organizer, conference, dinner);
            assertThat(seats.json().get("sold").asInt()).isEqualTo(1);
            assertThat(seats.json().get("held").asInt()).isZero();
            assertThat(seats.json().get("waitlisted").asInt()).isZero();

            List<IntegrationEvent> events = published.awaitUntil(seen -> expired(seen, dinner).size() == 2);
            assertThat(expired(events, dinner)).containsExactlyInAnyOrder(bobs, carols);
        }
    }

    private UUID conferenceThisWeek(String organizer) {
        UUID conference = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RegistrationFeed.publish(new ConferenceCreated(UUID.randomUUID(), conference, Instant.now(), "This week",
                today.minusDays(1), today.plusDays(1), "UTC", organizer));
        await().atMost(Duration.ofSeconds(30)).until(() -> organizers.isOrganizer(conference, organizer));
        return conference;
    }

    private String status(String token, UUID conference, UUID dinner, String ticket) {
        return ticket(token, conference, dinner, ticket).json().get("status").asString();
    }

    private static List<String> expired(List<IntegrationEvent> events, UUID dinner) {
        return events.stream()
                .filter(e -> e instanceof DinnerTicketExpired expired && expired.dinnerId().equals(dinner))
                .map(e -> ((DinnerTicketExpired) e).ticketId().toString())
                .toList();
    }
}
