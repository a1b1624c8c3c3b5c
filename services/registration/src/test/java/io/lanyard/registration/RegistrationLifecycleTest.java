package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
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
    void an_owner_may_not_cancel_after_check_in_and_nothing_changes_but_an_organizer_may() {
        String organizer = organizerToken("olivia");
        OnlySeat seat = theOnlySeatSoldTo(attendeeToken("alice"), organizer, createConference(organizer));
        assertThat(http().post(seat.registration() + "/check-in", organizer, null).status()).isEqualTo(204);

        assertTheOwnerIsRefusedAndAnOrganizerMayCancel(attendeeToken("alice"), organizer, seat);
    }

    @Test
    void an_owner_may_not_cancel_once_the_conference_has_started_and_nothing_changes_but_an_organizer_may() {
        String organizer = organizerToken("olivia");
        UUID conference = createConferenceThatBeganYesterday(organizer);
        OnlySeat seat = theOnlySeatSoldTo(attendeeToken("alice"), organizer, conference);

        assertTheOwnerIsRefusedAndAnOrganizerMayCancel(attendeeToken("alice"), organizer, seat);
    }

    @Test
    void an_organizer_cancelling_their_own_registration_cancels_as_an_organizer() {
        String organizer = organizerToken("olivia");
        OnlySeat seat = theOnlySeatSoldTo(organizer, organizer, createConferenceThatBeganYesterday(organizer));
        assertThat(http().post(seat.registration() + "/check-in", organizer, null).status()).isEqualTo(204);

        assertThat(http().delete(seat.registration(), organizer).status()).isEqualTo(204);
        assertThat(sold(organizer, seat)).isZero();
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

    /** A ticket type of one seat, and the registration that bought it. */
    private record OnlySeat(UUID conference, UUID ticketType, String registration) {
    }

    private OnlySeat theOnlySeatSoldTo(String owner, String organizer, UUID conference) {
        UUID ticketType = createTicketType(organizer, conference, 1);
        Http.Response registered = register(owner, conference, ticketType, "Alice");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new OnlySeat(conference, ticketType,
                "/conferences/" + conference + "/registrations/" + registered.json().get("id").asString());
    }

    /**
     * The owner is answered 409 {@code cancellation-closed} as problem+json and nothing changes: the registration is
     * still confirmed and its seat still sold. An organizer then cancels it.
     */
    private void assertTheOwnerIsRefusedAndAnOrganizerMayCancel(String owner, String organizer, OnlySeat seat) {
        Http.Response refused = http().delete(seat.registration(), owner);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problem()).isEqualTo("cancellation-closed");
        assertThat(http().get(seat.registration(), organizer).json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(sold(organizer, seat)).isEqualTo(1);
        assertThat(register(attendeeToken("bob"), seat.conference(), seat.ticketType(), "Bob").problem())
                .isEqualTo("sold-out");

        assertThat(http().delete(seat.registration(), organizer).status()).isEqualTo(204);
        assertThat(http().get(seat.registration(), owner).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(sold(organizer, seat)).isZero();
    }

    private UUID createConferenceThatBeganYesterday(String organizer) {
        LocalDate yesterday = LocalDate.now(ZoneId.of("America/Los_Angeles")).minusDays(1);
        Http.Response created = http().post("/conferences", organizer, Map.of("name", "PyCon US 2026",
                "startsOn", yesterday.toString(), "endsOn", yesterday.plusDays(8).toString(),
                "timeZone", "America/Los_Angeles"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private int sold(String organizer, OnlySeat seat) {
        return http().get("/conferences/" + seat.conference() + "/ticket-types/" + seat.ticketType(), organizer)
                .json().get("sold").asInt();
    }
}
