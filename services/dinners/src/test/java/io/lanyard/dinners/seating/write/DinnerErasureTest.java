package io.lanyard.dinners.seating.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.platform.axon.AxonPlatformConfiguration;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.StoredText;

import tools.jackson.databind.JsonNode;

/**
 * An erased guest through dinners: no text of theirs is left in any table (event store and snapshots included),
 * every count stays, their shredded ticket still holds its seat (loaded from a snapshot too), the views replay, a
 * second erasure changes nothing; and the copy of one's data.
 */
@ServiceTest(properties = "spring.config.name=dinners")
class DinnerErasureTest extends DinnersTestSupport {

    private static final String ERASED_SUB = "erasable-diner-41";
    private static final String ERASED_NAME = "Erasmus Dinerbaum";
    private static final String ERASED_DIET = "no-shellfish-for-erasmus";
    private static final String ERASED_PAYMENT = "pay-erasmus-7731";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Snapshotter snapshotter;

    @Autowired
    @Qualifier(AxonPlatformConfiguration.AGGREGATE_CACHE)
    Cache aggregates;

    @Test
    void an_erased_guest_leaves_no_text_behind_while_seats_counts_and_other_guests_stay() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 2);
        UUID erased = attendee(conference, ERASED_SUB, ERASED_NAME);
        UUID kept = attendee(conference, "kept-diner-41", "Keeper Gastronom");
        UUID waiting = attendee(conference, "waiting-diner-41", "Wanda Waiting");
        String erasedTicket = requestTicket(token(ERASED_SUB), conference, dinner, erased,
                List.of(ERASED_DIET, "vegan"), "erasmus-key-1").json().get("id").asString();
        assertThat(http().post(tickets(conference, dinner) + "/" + erasedTicket + "/payment", token(ERASED_SUB),
                Map.of("paymentReference", ERASED_PAYMENT)).status()).isEqualTo(200);
        String keptTicket = requestTicket(token("kept-diner-41"), conference, dinner, kept, "vegan", "kept-key-1")
                .json().get("id").asString();
        assertThat(pay(token("kept-diner-41"), conference, dinner, keptTicket).status()).isEqualTo(200);
        assertThat(requestTicket(token("waiting-diner-41"), conference, dinner, waiting).json().get("status")
                .asString()).isEqualTo("WAITLISTED");
        JsonNode guestsBefore = guests(organizer, conference, dinner);
        assertThat(guestsBefore.get("dietarySummary").toString())
                .isEqualTo("{\"" + ERASED_DIET + "\":1,\"vegan\":2}");
        snapshotted(dinner);

        erase(conference, erased);

        JsonNode guests = guests(organizer, conference, dinner);
        assertThat(guests.get("dietarySummary").toString()).as("as many requirements as before, theirs erased")
                .isEqualTo("{\"(erased)\":2,\"vegan\":1}");
        assertThat(guest(guests, erasedTicket).get("name").asString()).isEqualTo(PersonalFields.ERASED);
        assertThat(guest(guests, keptTicket).get("name").asString()).isEqualTo("Keeper Gastronom");
        assertThat(guest(guests, keptTicket).get("dietaryRequirements").toString()).isEqualTo("[\"vegan\"]");
        assertThat(seats(organizer, conference, dinner)).containsExactly(0, 2, 0, 1);
        String everything = StoredText.everything(jdbc);
        assertThat(everything).doesNotContain(ERASED_SUB).doesNotContain(ERASED_NAME).doesNotContain(ERASED_DIET)
                .doesNotContain(ERASED_PAYMENT).doesNotContain("erasmus-key-1")
                .contains("Keeper Gastronom").contains("kept-key-1");

        // the shredded ticket, loaded from the snapshot alone, still holds its seat and its attendee's place
        aggregates.removeAll();
        assertThat(requestTicket(organizer, conference, dinner, erased).problem()).isEqualTo("already-has-ticket");
        UUID late = attendee(conference, "late-diner-41", "Lateef Late");
        assertThat(requestTicket(organizer, conference, dinner, late).json().get("status").asString())
                .isEqualTo("WAITLISTED");
        assertThat(seats(organizer, conference, dinner)).containsExactly(0, 2, 0, 2);

        // what is entered for them afterwards is kept no more than their key allows: nowhere
        UUID later = createDinner(organizer, conference, 5);
        String afterwards = requestTicket(organizer, conference, later, erased, "diet-entered-after-erasure", null)
                .json().get("id").asString();
        assertThat(ticket(organizer, conference, later, afterwards).json().get("dietaryRequirements").toString())
                .isEqualTo("[\"(erased)\"]");
        assertThat(StoredText.everything(jdbc)).doesNotContain("diet-entered-after-erasure");

        for (String view : List.of("ticket-view", "dinner-view")) {
            Http.Response replayed = http().post("/admin/read-models/" + view + "/replay",
                    tokens.mint("otto", List.of("OPERATOR")), null);
            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        }
        assertThat(guests(organizer, conference, dinner)).as("the views replay to what the erasure left")
                .isEqualTo(guests);
        assertThat(seats(organizer, conference, dinner)).containsExactly(0, 2, 0, 2);
        assertThat(StoredText.everything(jdbc)).doesNotContain(ERASED_DIET).doesNotContain(ERASED_PAYMENT)
                .doesNotContain(ERASED_SUB);

        UUID again = UUID.randomUUID();
        RegistrationFeed.publish(new AttendeeErased(again, conference, Instant.parse("2027-05-02T00:00:00Z"),
                erased));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from processed_integration_event where event_id = ?")
                .param(again).query(Long.class).single() == 1);
        assertThat(guests(organizer, conference, dinner)).as("a second erasure changes nothing").isEqualTo(guests);
        assertThat(seats(organizer, conference, dinner)).containsExactly(0, 2, 0, 2);
    }

    @Test
    void the_copy_of_ones_data_holds_ones_tickets_and_nothing_of_anyone_else() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 5);
        UUID owner = attendee(conference, "exporting-diner-42", "Exa Porter");
        UUID other = attendee(conference, "other-diner-42", "Otto Other");
        String ticket = requestTicket(token("exporting-diner-42"), conference, dinner, owner, "halal", null)
                .json().get("id").asString();
        pay(token("exporting-diner-42"), conference, dinner, ticket);
        requestTicket(token("other-diner-42"), conference, dinner, other, "kosher-for-otto", null);

        Http.Response own = http().get(personalData(conference, owner), token("exporting-diner-42"));

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("subject").asString()).isEqualTo("exporting-diner-42");
        assertThat(own.json().get("name").asString()).isEqualTo("Exa Porter");
        JsonNode tickets = own.json().get("tickets");
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).get("id").asString()).isEqualTo(ticket);
        assertThat(tickets.get(0).get("dinnerName").asString()).isEqualTo("Speakers' dinner");
        assertThat(tickets.get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(tickets.get(0).get("dietaryRequirements").toString()).isEqualTo("[\"halal\"]");
        assertThat(tickets.get(0).get("paymentReference").asString()).isEqualTo("pay-" + ticket);
        assertThat(own.body()).doesNotContain("Otto").doesNotContain("kosher-for-otto");
        assertThat(http().get(personalData(conference, owner), organizer).status()).isEqualTo(200);
        assertThat(http().get(personalData(conference, owner), token("other-diner-42")).status()).isEqualTo(403);
        Http.Response unknown = http().get(personalData(conference, UUID.randomUUID()), organizer);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Registration erased the attendee; waits until dinners has destroyed their key and scrubbed its views. */
    private void erase(UUID conference, UUID attendee) {
        RegistrationFeed.publish(new AttendeeErased(UUID.randomUUID(), conference,
                Instant.parse("2027-05-01T00:00:00Z"), attendee));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from personal_data_key where subject = ? and data_key is null")
                .param(attendee.toString()).query(Long.class).single() == 1);
    }

    /** Takes a snapshot of the dinner as it is now and waits until it is stored. */
    private void snapshotted(UUID dinner) {
        long last = jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(dinner.toString()).query(Long.class).single();
        snapshotter.scheduleSnapshot(Dinner.class, dinner.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = ? and sequence_number = ?")
                .params(dinner.toString(), last).query(Long.class).single() == 1);
    }

    private JsonNode guests(String organizer, UUID conference, UUID dinner) {
        Http.Response guests = http().get("/conferences/" + conference + "/dinners/" + dinner + "/guests", organizer);
        assertThat(guests.status()).as(guests.toString()).isEqualTo(200);
        return guests.json();
    }

    private static JsonNode guest(JsonNode guests, String ticket) {
        return guests.get("guests").valueStream().filter(g -> g.get("ticketId").asString().equals(ticket))
                .findFirst().orElseThrow();
    }

    /** {@code [held, sold, available, waitlisted]} */
    private List<Integer> seats(String token, UUID conference, UUID dinner) {
        JsonNode shown = dinner(token, conference, dinner).json();
        return List.of(shown.get("held").asInt(), shown.get("sold").asInt(), shown.get("available").asInt(),
                shown.get("waitlisted").asInt());
    }

    private static String personalData(UUID conference, UUID attendee) {
        return "/conferences/" + conference + "/attendees/" + attendee + "/personal-data";
    }
}
