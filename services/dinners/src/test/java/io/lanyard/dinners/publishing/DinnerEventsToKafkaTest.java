package io.lanyard.dinners.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.dinners.PublishedEvents;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.dinners.DinnerTicketCancelled;
import io.lanyard.kernel.events.dinners.DinnerTicketConfirmed;
import io.lanyard.kernel.events.dinners.DinnerTicketExpired;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.dinners.DinnerTicketPromoted;
import io.lanyard.kernel.events.dinners.DinnerTicketWaitlisted;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = "spring.config.name=dinners")
class DinnerEventsToKafkaTest extends DinnersTestSupport {

    @Test
    void a_tickets_life_reaches_lanyard_dinners_v1_in_order() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");

        try (PublishedEvents published = new PublishedEvents()) {
            String alices = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
            String bobs = requestTicket(token("bob"), conference, dinner, bob).json().get("id").asString();
            assertThat(pay(token("alice"), conference, dinner, alices).status()).isEqualTo(200);
            assertThat(cancel(organizer, conference, dinner, alices).status()).isEqualTo(204);

            List<IntegrationEvent> events = published.awaitUntil(all -> of(all, dinner).size() >= 5);
            List<IntegrationEvent> mine = of(events, dinner);
            assertThat(mine).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "DinnerTicketHeld", "DinnerTicketWaitlisted", "DinnerTicketConfirmed", "DinnerTicketCancelled",
                    "DinnerTicketPromoted");
            DinnerTicketHeld held = (DinnerTicketHeld) mine.get(0);
            assertThat(held.ticketId()).hasToString(alices);
            assertThat(held.attendeeId()).isEqualTo(alice);
            assertThat(held.conferenceId()).isEqualTo(conference);
            assertThat(held.dinnerName()).isEqualTo("Speakers' dinner");
            assertThat(held.dinnerStartsAt()).isEqualTo(NEXT_YEAR);
            assertThat(held.holdExpiresAt()).isNotNull();
            assertThat(((DinnerTicketCancelled) mine.get(3)).refundDue()).isTrue();
            DinnerTicketPromoted promoted = (DinnerTicketPromoted) mine.get(4);
            assertThat(promoted.ticketId()).hasToString(bobs);
            assertThat(promoted.holdExpiresAt()).isNotNull();
            assertThat(mine).extracting(IntegrationEvent::eventId).doesNotHaveDuplicates();
        }
    }

    static List<IntegrationEvent> of(List<IntegrationEvent> events, UUID dinner) {
        return events.stream().filter(e -> dinner.equals(dinnerOf(e))).toList();
    }

    private static UUID dinnerOf(IntegrationEvent event) {
        return switch (event) {
            case DinnerTicketHeld e -> e.dinnerId();
            case DinnerTicketWaitlisted e -> e.dinnerId();
            case DinnerTicketPromoted e -> e.dinnerId();
            case DinnerTicketConfirmed e -> e.dinnerId();
            case DinnerTicketExpired e -> e.dinnerId();
            case DinnerTicketCancelled e -> e.dinnerId();
            default -> null;
        };
    }
}
