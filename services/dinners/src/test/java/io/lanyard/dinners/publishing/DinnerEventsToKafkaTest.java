package io.lanyard.dinners.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.dinners.PublishedEvents;
import io.lanyard.dinners.seating.write.CancellationReason;
import io.lanyard.dinners.seating.write.DinnerScheduled;
import io.lanyard.dinners.seating.write.TicketCancelled;
import io.lanyard.dinners.seating.write.TicketConfirmed;
import io.lanyard.dinners.seating.write.TicketExpired;
import io.lanyard.dinners.seating.write.TicketHeld;
import io.lanyard.dinners.seating.write.TicketPromoted;
import io.lanyard.dinners.seating.write.TicketStatus;
import io.lanyard.dinners.seating.write.TicketWaitlisted;
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

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

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
            assertThat(held.dinnerStartsAt()).isEqualTo(CONFERENCE_EVENING);
            assertThat(held.holdExpiresAt()).isNotNull();
            assertThat(((DinnerTicketCancelled) mine.get(3)).refundDue()).isTrue();
            DinnerTicketPromoted promoted = (DinnerTicketPromoted) mine.get(4);
            assertThat(promoted.ticketId()).hasToString(bobs);
            assertThat(promoted.holdExpiresAt()).isNotNull();
            assertThat(mine).extracting(IntegrationEvent::eventId).doesNotHaveDuplicates();
        }
    }

    /**
     * Given dinners' domain events, as the store holds them after a ticket's life: each becomes its integration
     * event, in order, under the domain event's id and time, with every field mapped.
     */
    @Test
    void each_domain_event_becomes_its_integration_event_under_its_own_id_and_time() {
        UUID conference = UUID.randomUUID();
        UUID dinner = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID alices = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();
        Instant t0 = Instant.parse("2027-05-01T19:00:00.123Z");
        Instant holdEnds = Instant.parse("2027-05-01T19:15:00Z");
        Instant promotedHoldEnds = Instant.parse("2027-05-01T19:20:00Z");
        List<Object> history = List.of(
                new DinnerScheduled(dinner, conference, "Speakers' dinner", "Museum", CONFERENCE_EVENING, 1, 6500,
                        "USD", "olivia"),
                new TicketHeld(dinner, conference, alices, alice, List.of("vegan"), t0, holdEnds, "Speakers' dinner",
                        CONFERENCE_EVENING, "alice", "key-1"),
                new TicketWaitlisted(dinner, conference, bobs, bob, List.of(), t0, "Speakers' dinner",
                        CONFERENCE_EVENING, "bob", null),
                new TicketConfirmed(dinner, conference, alices, alice, "pay-1", t0),
                new TicketCancelled(dinner, conference, alices, alice, TicketStatus.CONFIRMED, true,
                        CancellationReason.BY_ORGANIZER, "olivia", t0),
                new TicketPromoted(dinner, conference, bobs, bob, t0, promotedHoldEnds),
                new TicketExpired(dinner, conference, bobs, bob, promotedHoldEnds, TicketStatus.HELD));
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            stored.add(new GenericDomainEventMessage<>("Dinner", dinner.toString(), i, history.get(i),
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), t0.plusSeconds(i)));
        }

        try (PublishedEvents published = new PublishedEvents()) {
            transactions.executeWithoutResult(status -> eventStore.publish(stored));

            List<IntegrationEvent> mine = of(published.awaitUntil(all -> of(all, dinner).size() >= 6), dinner);
            assertThat(mine).containsExactly(
                    new DinnerTicketHeld(id(stored.get(1)), conference, at(stored.get(1)), dinner, alices, alice,
                            "Speakers' dinner", CONFERENCE_EVENING, holdEnds),
                    new DinnerTicketWaitlisted(id(stored.get(2)), conference, at(stored.get(2)), dinner, bobs, bob,
                            "Speakers' dinner", CONFERENCE_EVENING),
                    new DinnerTicketConfirmed(id(stored.get(3)), conference, at(stored.get(3)), dinner, alices, alice),
                    new DinnerTicketCancelled(id(stored.get(4)), conference, at(stored.get(4)), dinner, alices, alice,
                            true),
                    new DinnerTicketPromoted(id(stored.get(5)), conference, at(stored.get(5)), dinner, bobs, bob,
                            promotedHoldEnds),
                    new DinnerTicketExpired(id(stored.get(6)), conference, at(stored.get(6)), dinner, bobs, bob));
        }
    }

    private static UUID id(DomainEventMessage<?> event) {
        return UUID.fromString(event.getIdentifier());
    }

    private static Instant at(DomainEventMessage<?> event) {
        return event.getTimestamp();
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
