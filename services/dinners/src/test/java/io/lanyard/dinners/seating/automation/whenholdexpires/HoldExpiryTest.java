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
 * a database and consumer group of its own, so it can stop an instance while another runs on the same data.
 */
class HoldExpiryTest {

    private static final String DATABASE = "dinners_hold_expiry";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLLING = Duration.ofMillis(500);
    /**
     * How late a hold may end: the scheduler's polling interval, then the deadline's own transaction (the aggregate,
     * its event, the views) on a shared two-core machine. {@code SeparateProcessesTest} saw 0.6 s at most.
     */
    private static final Duration EXPIRY_TOLERANCE = POLLING.plus(Duration.ofSeconds(2));
    /**
     * Long enough for the hold to outlive the stop of the instance that took it (well under a second on a quiet
     * two-core machine), with room for a loaded one, and no longer: the test waits for it to run out.
     */
    private static final Duration RESTART_HOLD = Duration.ofSeconds(8);
    /** How often the test asks for the ticket while its hold runs out. */
    private static final Duration ASKING = Duration.ofMillis(100);

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
        Instant alicesEnd = Instant.parse(held.json().get("holdExpiresAt").asString());
        String bobs = dinners.request(conference, dinner, bob, "bob").json().get("id").asString();
        String carols = dinners.request(conference, dinner, carol, "carol").json().get("id").asString();

        awaitExpiryOnTime(dinners, conference, dinner, alices, alicesEnd);
        Http.Response promoted = dinners.ticket(conference, dinner, bobs);
        assertThat(promoted.json().get("status").asString()).isEqualTo("HELD");
        Instant bobsEnd = Instant.parse(promoted.json().get("holdExpiresAt").asString());
        assertThat(bobsEnd).isAfter(alicesEnd);
        assertThat(dinners.ticket(conference, dinner, carols).json().get("waitlistPosition").asInt()).isEqualTo(1);

        Http.Response late = dinners.pay(conference, dinner, alices, "alice");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problem()).isEqualTo("hold-expired");

        awaitExpiryOnTime(dinners, conference, dinner, bobs, bobsEnd);
        assertThat(dinners.status(conference, dinner, carols)).isEqualTo("HELD");
        Http.Response seats = dinners.dinner(conference, dinner);
        assertThat(seats.json().get("held").asInt()).isEqualTo(1);
        assertThat(seats.json().get("waitlisted").asInt()).isZero();

        published.awaitUntil(events -> events.stream().anyMatch(e ->
                e instanceof DinnerTicketExpired expired && expired.ticketId().toString().equals(alices)));
    }

    /**
     * The instance that took the hold stops before it runs out; another instance on the same database, which never
     * saw the request, ends it on time from the deadline stored with it. The other instance is up before the hold is
     * taken, so the expiry is on time however long a start takes on a loaded machine (a restart after the hold's end
     * would only show a catch-up).
     */
    @Test
    void a_hold_outlives_the_instance_that_took_it_and_expires_on_time_on_another() {
        service = start(RESTART_HOLD);
        ConfigurableApplicationContext first = start(RESTART_HOLD);
        String alices;
        String bobs;
        Instant holdExpiresAt;
        UUID conference;
        UUID dinner;
        try {
            Dinners before = new Dinners(first);
            conference = before.conference();
            dinner = before.createDinner(conference, 1);
            UUID alice = before.attendee(conference, "alice");
            UUID bob = before.attendee(conference, "bob");
            Http.Response held = before.request(conference, dinner, alice, "alice");
            alices = held.json().get("id").asString();
            holdExpiresAt = Instant.parse(held.json().get("holdExpiresAt").asString());
            bobs = before.request(conference, dinner, bob, "bob").json().get("id").asString();
        } finally {
            first.close();
        }
        assertThat(Instant.now()).as("the first instance stopped before the hold ran out").isBefore(holdExpiresAt);

        JdbcClient database = database();
        assertThat(database.sql("select status from dinner_ticket where ticket_id = ?::uuid").param(alices)
                .query(String.class).single()).as("the hold outlived the first instance").isEqualTo("HELD");
        assertThat(database.sql("select count(*) from scheduled_tasks where execution_time = ?")
                .param(Timestamp.from(holdExpiresAt)).query(Long.class).single())
                .as("its deadline waits in the database").isEqualTo(1);

        Dinners after = new Dinners(service);
        awaitExpiryOnTime(after, conference, dinner, alices, holdExpiresAt);
        assertThat(after.status(conference, dinner, bobs)).isEqualTo("HELD");
    }

    /**
     * Asks for the ticket every {@link #ASKING} while its hold runs out, and no longer than until
     * {@link #EXPIRY_TOLERANCE} after {@code holdExpiresAt}: every answer given before that moment says HELD; then
     * the event store's one {@code TicketExpired} for the ticket was recorded no earlier than {@code holdExpiresAt}
     * and at most the tolerance after it.
     */
    private static void awaitExpiryOnTime(Dinners dinners, UUID conference, UUID dinner, String ticket,
                                          Instant holdExpiresAt) {
        Instant latest = holdExpiresAt.plus(EXPIRY_TOLERANCE);
        Duration left = Duration.between(Instant.now(), latest);
        await("ticket " + ticket + " expired by " + latest)
                .atMost((left.isNegative() ? Duration.ZERO : left).plus(ASKING))
                .pollDelay(Duration.ZERO)
                .pollInterval(ASKING)
                .until(() -> {
                    String status = dinners.status(conference, dinner, ticket);
                    Instant answeredAt = Instant.now();
                    if (answeredAt.isBefore(holdExpiresAt)) {
                        assertThat(status).as("answered at %s, before the hold's end %s", answeredAt, holdExpiresAt)
                                .isEqualTo("HELD");
                    }
                    return status.equals("EXPIRED");
                });
        List<Instant> expirations = expirations(ticket);
        assertThat(expirations).as("TicketExpired events of ticket %s", ticket).hasSize(1);
        assertThat(expirations.getFirst()).as("expired, the hold ending at %s", holdExpiresAt)
                .isBetween(holdExpiresAt, latest);
    }

    /** When the event store recorded the ticket's expiry; a deadline fired twice would show twice. */
    private static List<Instant> expirations(String ticket) {
        return database().sql("""
                        select time_stamp from domain_event_entry
                        where payload_type like '%.TicketExpired'
                          and convert_from(payload, 'UTF8')::jsonb ->> 'ticketId' = ?""")
                .param(ticket).query((rs, n) -> Instant.parse(rs.getString("time_stamp"))).list();
    }

    private static JdbcClient database() {
        return JdbcClient.create(new SimpleDriverDataSource(new Driver(),
                EmbeddedInfrastructure.databaseUrl(DATABASE), "postgres", ""));
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
                        "--lanyard.dinners.deadlines.polling-interval=" + POLLING.toMillis() + "ms");
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
