package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.WebhookSignatures;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's "done when", on all five services: an organizer registers a webhook against a receiver of their own and
 * it gets correctly signed deliveries (Standard Webhooks, checked here with the specification's algorithm) for a
 * registration, a dinner waiting-list promotion and a shift sign-up; the promoted attendee's mail, with the hold's
 * deadline in the conference's time zone, arrives in the dev profile's embedded SMTP server within seconds, and they
 * pay within the hold.
 */
class NotificationsEndToEndTest {

    private static final String ZONE = "America/Los_Angeles";

    private final RunningService registration = FullStack.service("registration");
    private final Http volunteering = FullStack.service("volunteering").http();
    private final Http dinners = FullStack.service("dinners").http();
    private final Http notifications = FullStack.service("notifications").http();
    private final Walkthrough walk = new Walkthrough(registration);
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    record Delivery(String id, String timestamp, String signature, String body) {

        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/lanyard", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_webhook_gets_signed_deliveries_and_the_promoted_attendee_gets_the_hold_by_mail_and_pays_within_it()
            throws Exception {
        String organizer = walk.token("olivia-" + UUID.randomUUID(), "ORGANIZER");
        UUID conference = walk.conference(organizer, "2027-05-14", "2027-05-22", ZONE);
        UUID ticketType = walk.ticketType(organizer, conference, 10);

        // notifications learns of the conference from registration's topic; until then it answers 404 and keeps
        // nothing (the first record after a cold start can outlast the devstack's short catch-up wait)
        Map<String, Object> webhook = Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/lanyard",
                "events", List.of("*"));
        Http.Response hook = await().atMost(Duration.ofSeconds(30)).until(
                () -> notifications.post("/conferences/" + conference + "/webhooks", organizer, webhook),
                response -> response.status() != 404);
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        String secret = hook.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        String aliceToken = walk.token("alice-" + UUID.randomUUID());
        String bobToken = walk.token("bob-" + UUID.randomUUID());
        String bobMail = "bob-" + UUID.randomUUID() + "@example.org";
        UUID alice = register(aliceToken, conference, ticketType, "Alice", "alice-" + UUID.randomUUID() + "@example.org");
        UUID bob = register(bobToken, conference, ticketType, "Bob", bobMail);

        // one seat: alice holds it, bob waits; alice lets it go and bob is promoted
        Http.Response dinner = dinners.post("/conferences/" + conference + "/dinners", organizer, Map.of(
                "name", "Speakers' dinner", "venue", "Cafe Lanyard", "startsAt", "2027-05-19T19:00:00-07:00",
                "seats", 1, "priceCents", 5000, "currency", "USD"));
        assertThat(dinner.status()).as(dinner.toString()).isEqualTo(201);
        String tickets = "/conferences/" + conference + "/dinners/" + dinner.json().get("id").asString() + "/tickets";
        String aliceTicket = requestTicket(tickets, aliceToken, alice, "HELD");
        String bobTicket = requestTicket(tickets, bobToken, bob, "WAITLISTED");
        assertThat(dinners.delete(tickets + "/" + aliceTicket, aliceToken).status()).isEqualTo(204);
        Http.Response promoted = await("bob's promotion").atMost(Duration.ofSeconds(20))
                .until(() -> dinners.get(tickets + "/" + bobTicket, bobToken),
                        r -> "HELD".equals(r.json().path("status").asString(null)));
        Instant holdExpiresAt = Instant.parse(promoted.json().get("holdExpiresAt").asString());

        Http.Response shift = volunteering.post("/conferences/" + conference + "/shifts", organizer, Map.of(
                "title", "Bag stuffing", "task", "Fill the swag bags", "location", "Hall A",
                "startsAt", "2027-05-16T18:00:00-07:00", "endsAt", "2027-05-16T20:00:00-07:00", "capacity", 5));
        assertThat(shift.status()).as(shift.toString()).isEqualTo(201);
        Http.Response signedUp = volunteering.post("/conferences/" + conference + "/shifts/"
                + shift.json().get("id").asString() + "/volunteers", bobToken, Map.of("attendeeId", bob.toString()));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);

        // the promoted attendee's mail, with the hold's deadline where the conference is
        String deadline = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm zzz", Locale.ENGLISH)
                .format(holdExpiresAt.atZone(ZoneId.of(ZONE)));
        JsonNode mail = await("bob's mail about the held seat").atMost(Duration.ofSeconds(20)).until(
                () -> mailTo(bobMail).stream().filter(m -> m.get("body").asString().contains(deadline)).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(mail.get("subject").asString() + mail.get("body").asString()).contains("PyCon US 2027");
        Http.Response paid = dinners.post(tickets + "/" + bobTicket + "/payment", bobToken,
                Map.of("paymentReference", "pay-" + UUID.randomUUID()));
        assertThat(paid.status()).as("paid within the hold: " + paid).isEqualTo(200);
        assertThat(Instant.now()).isBefore(holdExpiresAt);

        Delivery registered = await("the registration's delivery").atMost(Duration.ofSeconds(20))
                .until(() -> delivery("registration.attendee-registered", "attendeeId", bob.toString()),
                        Optional::isPresent).orElseThrow();
        Delivery promotion = await("the promotion's delivery").atMost(Duration.ofSeconds(20))
                .until(() -> delivery("dinners.ticket-promoted", "ticketId", bobTicket),
                        Optional::isPresent).orElseThrow();
        Delivery signUp = await("the sign-up's delivery").atMost(Duration.ofSeconds(20))
                .until(() -> delivery("volunteering.volunteer-signed-up", "attendeeId", bob.toString()),
                        Optional::isPresent).orElseThrow();
        for (Delivery delivery : List.of(registered, promotion, signUp)) {
            assertThat(verified(secret, delivery)).as("signature of %s", delivery.body()).isTrue();
            assertThat(delivery.id()).as("webhook-id is the event id").isEqualTo(
                    delivery.json().get("data").get("eventId").asString());
            assertThat(OffsetDateTime.parse(delivery.json().get("timestamp").asString())).isNotNull();
            assertThat(delivery.body()).as("no e-mail address in a webhook payload").doesNotContain("@example.org");
        }
        Delivery tampered = new Delivery(signUp.id(), signUp.timestamp(), signUp.signature(),
                signUp.body().replace(bob.toString(), alice.toString()));
        assertThat(verified(secret, tampered)).as("a tampered body fails the check").isFalse();
    }

    private UUID register(String token, UUID conference, UUID ticketType, String name, String email) {
        Http.Response created = registration.http().post("/conferences/" + conference + "/registrations", token,
                Map.of("ticketTypeId", ticketType.toString(), "name", name, "email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private String requestTicket(String tickets, String token, UUID attendee, String expectedStatus) {
        // dinners learns of a registration from Kafka: not-registered until it has
        Http.Response requested = await().atMost(Duration.ofSeconds(20))
                .until(() -> dinners.post(tickets, token, Map.of("attendeeId", attendee.toString())),
                        r -> r.status() != 422);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.json().get("status").asString()).isEqualTo(expectedStatus);
        return requested.json().get("id").asString();
    }

    private List<JsonNode> mailTo(String address) {
        Http.Response answer = notifications.get("/dev/mail?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8),
                null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().valueStream().toList();
    }

    private Optional<Delivery> delivery(String type, String field, String value) {
        return received.stream()
                .filter(d -> type.equals(d.json().path("type").asString(null)))
                .filter(d -> value.equals(d.json().path("data").path(field).asString(null)))
                .findFirst();
    }

    /** The Standard Webhooks check, as an integrator makes it. */
    private static boolean verified(String secret, Delivery delivery) {
        return WebhookSignatures.signed(secret, delivery.id(), delivery.timestamp(), delivery.body(),
                delivery.signature());
    }
}
