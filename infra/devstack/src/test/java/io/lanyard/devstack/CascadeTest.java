package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.dinners.DinnerTicketCancelled;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.PublishedEvents;

/**
 * A registration cancelled in registration reaches dinners, which applies its own rules to the cascade as if the
 * same caller had cancelled the ticket there (docs/api.md v1.1 "Cascades obey the rules of the service they land
 * in"). The conference starts in two days, so an owner may still cancel the registration, and the dinners start
 * within dinners' 48-hour cancellation cut-off.
 */
class CascadeTest {

    private final RunningService registration = FullStack.service("registration");
    private final RunningService dinners = FullStack.service("dinners");
    private final Walkthrough walk = new Walkthrough(registration);
    private String organizer;
    private UUID conference;
    private UUID ticketType;

    @BeforeEach
    void conferenceInTwoDays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        organizer = walk.token("olivia-" + UUID.randomUUID(), "ORGANIZER");
        conference = walk.conference(organizer, today.plusDays(2).toString(), today.plusDays(4).toString(), "UTC");
        ticketType = walk.ticketType(organizer, conference, 10);
    }

    @Test
    void an_owner_who_cancels_after_the_dinners_cut_off_frees_the_seat_without_a_refund() {
        UUID dinner = dinner(Instant.now().plus(3, ChronoUnit.HOURS));
        Paid alice = registerAndPay("alice", dinner);
        Paid bob = registerAndRequest("bob", dinner);

        assertThat(dinners.http().delete(ticketPath(dinner, alice.ticket()), alice.token()).status())
                .as("a direct cancellation by the owner is past the cut-off").isEqualTo(409);
        assertThat(registration.http().delete("/conferences/" + conference + "/registrations/" + alice.attendee(),
                alice.token()).status()).isEqualTo(204);

        DinnerTicketCancelled cancelled = cancellationOf(alice.ticket());
        assertThat(cancelled.refundDue()).as("no refund the dinner itself would refuse").isFalse();
        assertThat(status(dinner, alice.ticket())).isEqualTo("CANCELLED");
        assertThat(status(dinner, bob.ticket())).as("the freed seat goes down the waiting list").isEqualTo("HELD");
    }

    @Test
    void an_organizer_who_cancels_a_registration_refunds_the_dinner_as_an_organizer_would() {
        UUID dinner = dinner(Instant.now().plus(3, ChronoUnit.HOURS));
        Paid carol = registerAndPay("carol", dinner);

        assertThat(registration.http().delete("/conferences/" + conference + "/registrations/" + carol.attendee(),
                organizer).status()).isEqualTo(204);

        assertThat(cancellationOf(carol.ticket()).refundDue()).isTrue();
        assertThat(status(dinner, carol.ticket())).isEqualTo("CANCELLED");
    }

    @Test
    void a_dinner_that_has_started_is_left_as_it_is() {
        String token = walk.token("dave-" + UUID.randomUUID());
        UUID attendee = registered(token, "dave");
        Instant startsAt = Instant.now().plusSeconds(5);
        UUID dinner = dinner(startsAt);
        Paid dave = pay(request(token, attendee, dinner), dinner);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(startsAt));

        assertThat(registration.http().delete("/conferences/" + conference + "/registrations/" + dave.attendee(),
                organizer).status()).isEqualTo(204);
        Attendees known = dinners.bean(Attendees.class);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> known.find(conference, dave.attendee()).map(a -> !a.active()).orElse(false));

        assertThat(status(dinner, dave.ticket())).as("dave was at the table").isEqualTo("CONFIRMED");
        try (PublishedEvents published = new PublishedEvents(EventCatalogue.DINNERS_TOPIC, conference)) {
            List<IntegrationEvent> confirmed = published.awaitUntil(events -> events.stream()
                    .anyMatch(e -> e.getClass().getSimpleName().equals("DinnerTicketConfirmed")));
            assertThat(PublishedEvents.ofType(confirmed, DinnerTicketCancelled.class)).isEmpty();
        }
    }

    private record Paid(String token, UUID attendee, UUID ticket) {
    }

    private Paid registerAndPay(String name, UUID dinner) {
        return pay(registerAndRequest(name, dinner), dinner);
    }

    private Paid pay(Paid requested, UUID dinner) {
        Http.Response paid = dinners.http().post(ticketPath(dinner, requested.ticket()) + "/payment", requested.token(),
                Map.of("paymentReference", "pay-" + requested.ticket()));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        return requested;
    }

    private Paid registerAndRequest(String name, UUID dinner) {
        String token = walk.token(name + "-" + UUID.randomUUID());
        return request(token, registered(token, name), dinner);
    }

    /** Registered, and known to dinners (the devstack's replication catch-up is kept short). */
    private UUID registered(String token, String name) {
        UUID attendee = walk.register(token, conference, ticketType, name);
        Attendees known = dinners.bean(Attendees.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> known.find(conference, attendee).isPresent());
        return attendee;
    }

    private Paid request(String token, UUID attendee, UUID dinner) {
        Http.Response requested = dinners.http().post("/conferences/" + conference + "/dinners/" + dinner + "/tickets",
                token, Map.of("attendeeId", attendee.toString()));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        return new Paid(token, attendee, UUID.fromString(requested.json().get("id").asString()));
    }

    private UUID dinner(Instant startsAt) {
        Http.Response created = dinners.http().post("/conferences/" + conference + "/dinners", organizer, Map.of(
                "name", "Speakers' dinner", "venue", "Museum", "startsAt", startsAt.toString(), "seats", 1,
                "priceCents", 9500, "currency", "USD"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private DinnerTicketCancelled cancellationOf(UUID ticket) {
        try (PublishedEvents published = new PublishedEvents(EventCatalogue.DINNERS_TOPIC, conference)) {
            return PublishedEvents.ofType(published.awaitUntil(events -> PublishedEvents
                            .ofType(events, DinnerTicketCancelled.class).stream()
                            .anyMatch(e -> e.ticketId().equals(ticket))), DinnerTicketCancelled.class).stream()
                    .filter(e -> e.ticketId().equals(ticket))
                    .findFirst().orElseThrow();
        }
    }

    private String status(UUID dinner, UUID ticket) {
        return dinners.http().get(ticketPath(dinner, ticket), organizer).json().get("status").asString();
    }

    private String ticketPath(UUID dinner, UUID ticket) {
        return "/conferences/" + conference + "/dinners/" + dinner + "/tickets/" + ticket;
    }
}
