package io.lanyard.dinners.seating.automation.whenholdexpires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.dinners.PublishedEvents;
import io.lanyard.kernel.events.dinners.DinnerTicketExpired;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.DevTokens;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.EmbeddedInfrastructureInitializer;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;

/**
 * Holds that really run out, with a hold of seconds instead of minutes. Each test starts the service itself, on
 * a database and consumer group of its own, so it can stop it and start it again on the same data.
 */
class HoldExpiryTest {

    private static final String DATABASE = "dinners_hold_expiry";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ConfigurableApplicationContext service;
    private PublishedEvents published;

    @AfterEach
    void stopService() {
        if (published != null) {
            published.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void an_unpaid_hold_expires_on_time_and_the_seat_goes_to_the_first_waitlisted_request() {
        service = start(Duration.ofSeconds(5));
        Dinners dinners = new Dinners(service);
        UUID conference = dinners.conference();
        UUID dinner = dinners.createDinner(conference, 1);
        UUID alice = dinners.attendee(conference, "alice");
        UUID bob = dinners.attendee(conference, "bob");
        UUID carol = dinners.attendee(conference, "carol");

        published = new PublishedEvents();
        Http.Response held = dinners.request(conference, dinner, alice, "alice");
        assertThat(held.json().get("status").asString()).isEqualTo("HELD");
        String alices = held.json().get("id").asString();
        String bobs = dinners.request(conference, dinner, bob, "bob").json().get("id").asString();
        String carols = dinners.request(conference, dinner, carol, "carol").json().get("id").asString();

        await().atMost(PATIENCE).until(() -> dinners.status(conference, dinner, alices).equals("EXPIRED"));
        Http.Response promoted = dinners.ticket(conference, dinner, bobs);
        assertThat(promoted.json().get("status").asString()).isEqualTo("HELD");
        assertThat(Instant.parse(promoted.json().get("holdExpiresAt").asString()))
                .isAfter(Instant.parse(held.json().get("holdExpiresAt").asString()));
        assertThat(dinners.ticket(conference, dinner, carols).json().get("waitlistPosition").asInt()).isEqualTo(1);

        Http.Response late = dinners.pay(conference, dinner, alices, "alice");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problem()).isEqualTo("hold-expired");

        await().atMost(PATIENCE).until(() -> dinners.status(conference, dinner, bobs).equals("EXPIRED"));
        assertThat(dinners.status(conference, dinner, carols)).isEqualTo("HELD");
        Http.Response seats = dinners.dinner(conference, dinner);
        assertThat(seats.json().get("held").asInt()).isEqualTo(1);
        assertThat(seats.json().get("waitlisted").asInt()).isZero();

        published.awaitUntil(events -> events.stream().anyMatch(e ->
                e instanceof DinnerTicketExpired expired && expired.ticketId().toString().equals(alices)));
    }

    @Test
    void a_hold_set_before_a_restart_still_expires_after_it_and_promotes() {
        service = start(Duration.ofSeconds(20));
        Dinners before = new Dinners(service);
        UUID conference = before.conference();
        UUID dinner = before.createDinner(conference, 1);
        UUID alice = before.attendee(conference, "alice");
        UUID bob = before.attendee(conference, "bob");
        Http.Response held = before.request(conference, dinner, alice, "alice");
        String alices = held.json().get("id").asString();
        Instant holdExpiresAt = Instant.parse(held.json().get("holdExpiresAt").asString());
        String bobs = before.request(conference, dinner, bob, "bob").json().get("id").asString();
        service.close();

        JdbcClient database = JdbcClient.create(new SimpleDriverDataSource(new Driver(),
                EmbeddedInfrastructure.databaseUrl(DATABASE), "postgres", ""));
        assertThat(database.sql("select status from dinner_ticket where ticket_id = ?::uuid").param(alices)
                .query(String.class).single()).as("the hold outlived the first service").isEqualTo("HELD");
        assertThat(database.sql("select count(*) from scheduled_tasks where execution_time = ?")
                .param(Timestamp.from(holdExpiresAt)).query(Long.class).single())
                .as("its deadline waits in the database").isEqualTo(1);

        service = start(Duration.ofSeconds(20));
        Dinners after = new Dinners(service);
        await().atMost(PATIENCE).until(() -> after.status(conference, dinner, alices).equals("EXPIRED"));
        assertThat(after.status(conference, dinner, bobs)).isEqualTo("HELD");
    }

    private static ConfigurableApplicationContext start(Duration hold) {
        return DinnersApplication.application()
                .profiles("dev")
                .initializers(new EmbeddedInfrastructureInitializer())
                .registerShutdownHook(false)
                .run("--server.port=0",
                        "--lanyard.test.database=" + DATABASE,
                        "--lanyard.kafka.group-id=dinners-hold-expiry-test",
                        "--lanyard.dinners.hold-duration=" + hold.toSeconds() + "s",
                        "--lanyard.dinners.deadlines.polling-interval=500ms");
    }

    /** The running service's HTTP API and replica, seen from a test. */
    private static final class Dinners {

        private final Http http;
        private final DevTokens tokens;
        private final Organizers organizers;
        private final Attendees attendees;

        Dinners(ConfigurableApplicationContext context) {
            this.http = Http.on(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
            this.tokens = context.getBean(DevTokens.class);
            this.organizers = context.getBean(Organizers.class);
            this.attendees = context.getBean(Attendees.class);
        }

        UUID conference() {
            UUID conference = RegistrationFeed.conferenceCreated("olivia");
            await().atMost(PATIENCE).until(() -> organizers.isOrganizer(conference, "olivia"));
            return conference;
        }

        UUID attendee(UUID conference, String subject) {
            UUID attendee = RegistrationFeed.attendeeRegistered(conference, subject, subject);
            await().atMost(PATIENCE).until(() -> attendees.find(conference, attendee).isPresent());
            return attendee;
        }

        UUID createDinner(UUID conference, int seats) {
            Http.Response created = http.post("/conferences/" + conference + "/dinners", organizer(), Map.of(
                    "name", "Speakers' dinner", "venue", "Museum",
                    "startsAt", "2027-05-19T19:00:00-07:00", "seats", seats, "priceCents", 6500,
                    "currency", "USD"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return UUID.fromString(created.json().get("id").asString());
        }

        Http.Response request(UUID conference, UUID dinner, UUID attendee, String subject) {
            Http.Response response = http.post(tickets(conference, dinner), tokens.mint(subject, List.of()),
                    Map.of("attendeeId", attendee.toString()));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response;
        }

        Http.Response ticket(UUID conference, UUID dinner, String ticket) {
            return http.get(tickets(conference, dinner) + "/" + ticket, organizer());
        }

        String status(UUID conference, UUID dinner, String ticket) {
            return ticket(conference, dinner, ticket).json().get("status").asString();
        }

        Http.Response pay(UUID conference, UUID dinner, String ticket, String subject) {
            return http.post(tickets(conference, dinner) + "/" + ticket + "/payment", tokens.mint(subject, List.of()),
                    Map.of("paymentReference", "late"));
        }

        Http.Response dinner(UUID conference, UUID dinner) {
            return http.get("/conferences/" + conference + "/dinners/" + dinner, organizer());
        }

        private String organizer() {
            return tokens.mint("olivia", List.of("ORGANIZER"));
        }

        private static String tickets(UUID conference, UUID dinner) {
            return "/conferences/" + conference + "/dinners/" + dinner + "/tickets";
        }
    }
}
