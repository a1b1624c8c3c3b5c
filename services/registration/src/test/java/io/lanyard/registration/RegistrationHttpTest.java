package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.TopicReader;

@ServiceTest(properties = "spring.config.name=registration")
class RegistrationHttpTest extends RegistrationTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void an_organizer_opens_a_conference_and_sells_a_ticket() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);

        String alice = attendeeToken("alice");
        Http.Response registered = register(alice, conference, ticketType, "Alice");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("CONFIRMED");
        String id = registered.json().get("id").asString();
        assertThat(registered.header("Location")).isEqualTo("/conferences/" + conference + "/registrations/" + id);

        Http.Response mine = http().get("/conferences/" + conference + "/registrations/" + id, alice);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("name").asString()).isEqualTo("Alice");
        assertThat(mine.json().get("email").asString()).isEqualTo("alice@example.org");
        assertThat(mine.json().get("ticketTypeId").asString()).isEqualTo(ticketType.toString());
        assertThat(mine.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(mine.json().get("checkedIn").asBoolean()).isFalse();

        Http.Response tickets = http().get("/conferences/" + conference + "/ticket-types/" + ticketType, alice);
        assertThat(tickets.status()).isEqualTo(200);
        assertThat(tickets.json().get("quota").asInt()).isEqualTo(10);
        assertThat(tickets.json().get("sold").asInt()).isEqualTo(1);
        assertThat(tickets.json().get("available").asInt()).isEqualTo(9);
    }

    @Test
    void the_quota_is_never_exceeded_under_concurrent_registrations() throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 100);

        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < 500; i++) {
                String token = attendeeToken("rusher-" + i);
                answers.add(pool.submit(() -> register(token, conference, ticketType, "Rusher")));
            }
        }
        int created = 0;
        int soldOut = 0;
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            if (response.status() == 201) {
                created++;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                assertThat(response.problem()).isEqualTo("sold-out");
                soldOut++;
            }
        }
        assertThat(created).isEqualTo(100);
        assertThat(soldOut).isEqualTo(400);
        // sales that queued for a busy segment were decided together, several to a commit
        assertThat(meters.get("lanyard.commands.group.size").summary().max()).isGreaterThan(1);
        Http.Response tickets = http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer);
        assertThat(tickets.json().get("sold").asInt()).isEqualTo(100);
        assertThat(tickets.json().get("available").asInt()).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicReader.countEvents(EventCatalogue.REGISTRATION_TOPIC, conference,
                        "registration.attendee-registered")).isEqualTo(100));
    }

    @Test
    void a_quota_of_zero_is_sold_out_from_the_start() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 0);
        Http.Response refused = register(attendeeToken("zed"), conference, ticketType, "Zed");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("sold-out");
    }

    @Test
    void a_second_registration_of_the_same_subject_is_refused() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        String bob = attendeeToken("bob");
        assertThat(register(bob, conference, ticketType, "Bob").status()).isEqualTo(201);

        Http.Response again = register(bob, conference, ticketType, "Bob");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("already-registered");
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bad_input_is_answered_with_a_problem_and_changes_nothing() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);

        Http.Response invalid = http().post("/conferences/" + conference + "/registrations", attendeeToken("carol"),
                Map.of("ticketTypeId", ticketType.toString(), "name", "", "email", "not-an-email"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problem()).isEqualTo("validation-failed");
        assertThat(invalid.body()).contains("name").contains("email");

        Http.Response malformed = http().post("/conferences/" + conference + "/registrations", attendeeToken("carol"),
                "{\"ticketTypeId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problem()).isEqualTo("malformed-request");

        Http.Response badQuota = http().post("/conferences/" + conference + "/ticket-types", organizer,
                Map.of("name", "Free", "priceCents", -1, "currency", "usd", "quota", -1));
        assertThat(badQuota.status()).isEqualTo(400);
        assertThat(badQuota.body()).contains("priceCents").contains("currency").contains("quota");

        Http.Response badDates = http().post("/conferences", organizer, Map.of(
                "name", "Backwards", "startsOn", "2027-05-22", "endsOn", "2027-05-14", "timeZone", "Mars/Olympus"));
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(badDates.problem()).isEqualTo("validation-failed");

        Http.Response unknownType = register(attendeeToken("carol"), conference, UUID.randomUUID(), "Carol");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.problem()).isEqualTo("not-found");

        Http.Response unknownConference = http().get("/conferences/" + UUID.randomUUID() + "/ticket-types/" + ticketType,
                organizer);
        assertThat(unknownConference.status()).isEqualTo(404);
        assertThat(http().get("/conferences/not-a-uuid/ticket-types/" + ticketType, organizer).status()).isEqualTo(404);

        Http.Response huge = http().post("/conferences/" + conference + "/registrations", attendeeToken("carol"),
                "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");

        Http.Response tickets = http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer);
        assertThat(tickets.json().get("sold").asInt()).isZero();
    }

    @Test
    void callers_without_a_valid_token_or_the_right_role_are_turned_away() {
        Http.Response anonymous = http().post("/conferences", null, Map.of("name", "x"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problem()).isEqualTo("unauthenticated");
        assertThat(http().get("/conferences/" + UUID.randomUUID() + "/ticket-types/" + UUID.randomUUID(), "garbage")
                .status()).isEqualTo(401);

        Http.Response notOrganizer = http().post("/conferences", attendeeToken("mallory"), Map.of(
                "name", "Mine", "startsOn", "2027-05-14", "endsOn", "2027-05-22", "timeZone", "UTC"));
        assertThat(notOrganizer.status()).isEqualTo(403);
        assertThat(notOrganizer.problem()).isEqualTo("forbidden");

        UUID conference = createConference(organizerToken("olivia"));
        Http.Response otherOrganizer = http().post("/conferences/" + conference + "/ticket-types",
                organizerToken("oscar"), Map.of("name", "VIP", "priceCents", 1, "currency", "USD", "quota", 1));
        assertThat(otherOrganizer.status()).isEqualTo(403);
    }

    @Test
    void the_dev_profile_mints_tokens_and_health_is_open() {
        Http.Response token = http().post("/dev/tokens", null, Map.of("subject", "alice", "roles", List.of("ORGANIZER")));
        assertThat(token.status()).isEqualTo(200);
        assertThat(createConference(token.json().get("token").asString())).isNotNull();
        Http.Response apiDocs = http().get("/v3/api-docs", null);
        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.json().get("paths").has("/conferences/{conferenceId}/registrations")).isTrue();
        Http.Response health = http().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
