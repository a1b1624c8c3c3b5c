package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

/** Organizers, cancellation, check-in and paging: what happens to a registration after the sale. */
@ServiceTest(properties = "spring.config.name=registration")
class RegistrationLifecycleTest extends RegistrationTestSupport {

    @Test
    void an_organizer_adds_an_organizer_who_may_then_manage_the_conference() {
        String olivia = organizerToken("olivia");
        UUID conference = createConference(olivia);
        String oscar = organizerToken("oscar");
        assertThat(http().post("/conferences/" + conference + "/ticket-types", oscar,
                Map.of("name", "VIP", "priceCents", 1, "currency", "USD", "quota", 1)).status()).isEqualTo(403);

        Http.Response added = http().post("/conferences/" + conference + "/organizers", olivia, Map.of("subject", "oscar"));
        assertThat(added.status()).isEqualTo(204);
        assertThat(createTicketType(oscar, conference, 5)).isNotNull();

        assertThat(http().post("/conferences/" + conference + "/organizers", attendeeToken("mallory"),
                Map.of("subject", "mallory")).status()).isEqualTo(403);
        assertThat(http().post("/conferences/" + conference + "/organizers", olivia, Map.of("subject", " "))
                .status()).isEqualTo(400);
        assertThat(http().post("/conferences/" + UUID.randomUUID() + "/organizers", olivia, Map.of("subject", "x"))
                .status()).isEqualTo(404);
    }

    @Test
    void cancelling_releases_the_quota_and_only_the_owner_or_an_organizer_may_cancel() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 1);
        String alice = attendeeToken("alice");
        String id = register(alice, conference, ticketType, "Alice").json().get("id").asString();
        assertThat(register(attendeeToken("bob"), conference, ticketType, "Bob").problem()).isEqualTo("sold-out");

        String path = "/conferences/" + conference + "/registrations/" + id;
        assertThat(http().delete(path, attendeeToken("mallory")).status()).isEqualTo(403);
        assertThat(http().get(path, attendeeToken("mallory")).status()).isEqualTo(403);
        assertThat(http().delete(path, alice).status()).isEqualTo(204);
        assertThat(http().get(path, alice).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(http().delete(path, organizer).status()).isEqualTo(204);

        Http.Response tickets = http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer);
        assertThat(tickets.json().get("sold").asInt()).isZero();
        assertThat(register(attendeeToken("bob"), conference, ticketType, "Bob").status()).isEqualTo(201);
        assertThat(register(alice, conference, ticketType, "Alice").problem()).isEqualTo("sold-out");
        assertThat(http().delete("/conferences/" + conference + "/registrations/" + UUID.randomUUID(), organizer)
                .status()).isEqualTo(404);
    }

    @Test
    void a_cancelled_attendee_may_register_again() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 5);
        String alice = attendeeToken("alice");
        String first = register(alice, conference, ticketType, "Alice").json().get("id").asString();
        assertThat(http().delete("/conferences/" + conference + "/registrations/" + first, alice).status())
                .isEqualTo(204);
        Http.Response again = register(alice, conference, ticketType, "Alice");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isNotEqualTo(first);
    }

    @Test
    void an_organizer_checks_an_attendee_in_once() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 5);
        String alice = attendeeToken("alice");
        String id = register(alice, conference, ticketType, "Alice").json().get("id").asString();
        String checkIn = "/conferences/" + conference + "/registrations/" + id + "/check-in";

        assertThat(http().post(checkIn, alice, null).status()).isEqualTo(403);
        assertThat(http().post(checkIn, organizer, null).status()).isEqualTo(204);
        Http.Response again = http().post(checkIn, organizer, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("already-checked-in");
        assertThat(http().get("/conferences/" + conference + "/registrations/" + id, alice).json()
                .get("checkedIn").asBoolean()).isTrue();
        assertThat(http().post("/conferences/" + conference + "/registrations/" + UUID.randomUUID() + "/check-in",
                organizer, null).status()).isEqualTo(404);
    }

    @Test
    void an_organizer_registers_someone_else_and_pages_through_registrations() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        for (int i = 0; i < 5; i++) {
            Http.Response made = http().post("/conferences/" + conference + "/registrations", organizer,
                    Map.of("ticketTypeId", ticketType.toString(), "name", "Guest " + i, "email", "g" + i + "@example.org",
                            "subject", "guest-" + i));
            assertThat(made.status()).as(made.toString()).isEqualTo(201);
        }
        assertThat(http().post("/conferences/" + conference + "/registrations", attendeeToken("mallory"),
                Map.of("ticketTypeId", ticketType.toString(), "name", "Fake", "email", "f@example.org",
                        "subject", "someone-else")).status()).isEqualTo(403);

        String pages = "/conferences/" + conference + "/registrations?page=1&size=2";
        Http.Response page = http().get(pages, organizer);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("content")).hasSize(2);
        assertThat(page.json().get("totalElements").asInt()).isEqualTo(5);
        assertThat(page.json().get("totalPages").asInt()).isEqualTo(3);
        assertThat(http().get(pages, attendeeToken("guest-0")).status()).isEqualTo(403);
        Http.Response badSize = http().get("/conferences/" + conference + "/registrations?size=0", organizer);
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.problem()).isEqualTo("validation-failed");
        assertThat(http().get("/conferences/" + conference + "/registrations?page=x", organizer).status())
                .isEqualTo(400);
    }
}
