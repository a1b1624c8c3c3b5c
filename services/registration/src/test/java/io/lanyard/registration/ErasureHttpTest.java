package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.MovableClock;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.TopicReader;

/** Erasure by crypto-shredding, a conference's purge after the event and the copy of one's data, through HTTP. */
@ServiceTest(properties = "spring.config.name=registration")
class ErasureHttpTest extends RegistrationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void an_owner_erases_themselves_and_nothing_of_them_is_readable_while_counts_and_others_stay() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        String erin = attendeeToken("erin-the-erased");
        String erinId = register(erin, conference, ticketType, "Erinmarie").json().get("id").asString();
        String otto = attendeeToken("otto-the-kept");
        String ottoId = register(otto, conference, ticketType, "Ottokar").json().get("id").asString();

        Http.Response erased = http().post(erasure(conference, erinId), erin, null);

        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        Http.Response registration = http().get("/conferences/" + conference + "/registrations/" + erinId, organizer);
        assertThat(registration.status()).as(registration.toString()).isEqualTo(200);
        assertThat(registration.json().propertyNames()).containsExactlyInAnyOrder("id", "status");
        assertThat(registration.json().get("status").asString()).isEqualTo("ERASED");
        assertThat(http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer).json()
                .get("sold").asInt()).isEqualTo(2);
        assertThat(http().get("/conferences/" + conference + "/registrations/" + ottoId, otto).json()
                .get("name").asString()).isEqualTo("Ottokar");

        String everything = everythingStoredAbout(erinId, conference);
        assertThat(everything).doesNotContain("Erinmarie").doesNotContain("erinmarie@example.org")
                .doesNotContain("erin-the-erased");
        assertThat(everythingStoredAbout(ottoId, conference)).contains("Ottokar");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicReader.countEvents(
                EventCatalogue.REGISTRATION_TOPIC, conference, "registration.attendee-erased")).isOne());
    }

    @Test
    void a_second_erasure_answers_202_and_changes_nothing() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        String id = register(attendeeToken("twice"), conference, ticketType, "Twice").json().get("id").asString();

        assertThat(http().post(erasure(conference, id), organizer, null).status()).isEqualTo(202);
        Http.Response again = http().post(erasure(conference, id), organizer, null);

        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        Http.Response impostor = http().delete("/conferences/" + conference + "/registrations/" + id,
                attendeeToken("(erased)"));
        assertThat(impostor.status()).as("a sub that reads like the placeholder is nobody's: " + impostor)
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%AttendeeErased'")
                .param(id).query(Long.class).single()).isOne();
    }

    @Test
    void shredded_events_read_as_erased_where_the_publisher_reads_them_and_the_views_replay() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        String first = register(attendeeToken("replayed-one"), conference, ticketType, "Replayedone").json()
                .get("id").asString();
        String second = register(attendeeToken("replayed-two"), conference, ticketType, "Replayedtwo").json()
                .get("id").asString();
        http().post(erasure(conference, first), organizer, null);
        http().post(erasure(conference, second), organizer, null);

        AttendeeRegistered stored = eventStore.readEvents(first).asStream()
                .map(m -> m.getPayload()).filter(AttendeeRegistered.class::isInstance)
                .map(AttendeeRegistered.class::cast).findFirst().orElseThrow();
        assertThat(List.of(stored.name(), stored.email(), stored.subject())).containsOnly(PersonalFields.ERASED);

        // two erased attendees of one conference replay into the view without meeting as one subject
        Http.Response replayed = http().post("/admin/read-models/registration-view/replay",
                tokens.mint("otto", List.of("OPERATOR")), null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        for (String id : List.of(first, second)) {
            assertThat(http().get("/conferences/" + conference + "/registrations/" + id, organizer).json()
                    .get("status").asString()).isEqualTo("ERASED");
        }
        assertThat(http().get("/conferences/" + conference + "/registrations", organizer).json()
                .get("totalElements").asLong()).isEqualTo(2);
        assertThat(http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer).json()
                .get("sold").asInt()).isEqualTo(2);
    }

    @Test
    void erasure_refuses_an_unknown_attendee_and_another_attendee() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        String id = register(attendeeToken("kept"), conference, ticketType, "Kept").json().get("id").asString();

        Http.Response unknown = http().post(erasure(conference, UUID.randomUUID().toString()), organizer, null);
        Http.Response stranger = http().post(erasure(conference, id), attendeeToken("mallory"), null);

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(403);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        assertThat(http().get("/conferences/" + conference + "/registrations/" + id, organizer).json()
                .get("name").asString()).isEqualTo("Kept");
    }

    @Test
    void the_copy_of_ones_data_lists_what_they_entered_and_nothing_of_others() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        String paula = attendeeToken("paula");
        String id = register(paula, conference, ticketType, "Paula").json().get("id").asString();
        register(attendeeToken("quentin"), conference, ticketType, "Quentin");

        Http.Response copy = http().get(personalData(conference, id), paula);

        assertThat(copy.status()).as(copy.toString()).isEqualTo(200);
        assertThat(copy.json().get("name").asString()).isEqualTo("Paula");
        assertThat(copy.json().get("email").asString()).isEqualTo("paula@example.org");
        assertThat(copy.json().get("subject").asString()).isEqualTo("paula");
        assertThat(copy.json().get("ticketTypeId").asString()).isEqualTo(ticketType.toString());
        assertThat(copy.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(copy.json().get("checkedIn").asBoolean()).isFalse();
        assertThat(copy.body()).doesNotContain("Quentin").doesNotContain("quentin");
        assertThat(http().get(personalData(conference, id), organizer).status()).isEqualTo(200);
        assertThat(http().get(personalData(conference, id), attendeeToken("quentin")).status()).isEqualTo(403);
        assertThat(http().get(personalData(conference, UUID.randomUUID().toString()), organizer).status())
                .isEqualTo(404);

        http().post(erasure(conference, id), organizer, null);

        Http.Response after = http().get(personalData(conference, id), organizer);
        assertThat(after.json().get("status").asString()).isEqualTo("ERASED");
        assertThat(after.body()).doesNotContain("Paula").doesNotContain("paula");
    }

    @Test
    void an_operator_purges_an_ended_conference_every_attendee_erased_sold_kept_and_another_conference_untouched() {
        String organizer = organizerToken("olivia");
        String operator = tokens.mint("otto", List.of("OPERATOR"));
        UUID conference = createConference(organizer);
        UUID other = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        List<String> purged = List.of(
                register(attendeeToken("purged-one"), conference, ticketType, "Purgedone").json().get("id").asString(),
                register(attendeeToken("purged-two"), conference, ticketType, "Purgedtwo").json().get("id").asString(),
                register(attendeeToken("purged-three"), conference, ticketType, "Purgedthree").json().get("id")
                        .asString());
        assertThat(http().delete("/conferences/" + conference + "/registrations/" + purged.get(2), organizer)
                .status()).as("a cancelled attendee is purged too").isEqualTo(204);
        String keptId = register(attendeeToken("purged-one"), other, createTicketType(organizer, other, 10),
                "Keptelsewhere").json().get("id").asString();

        Http.Response early = http().post(purge(conference), operator, null);

        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.problem()).isEqualTo("conference-not-ended");
        assertThat(registrationStatus(organizer, conference, purged.get(0))).isEqualTo("CONFIRMED");

        clock.moveTo(Instant.parse("2027-05-23T07:00:00Z")); // midnight after the last day, in Los Angeles
        Http.Response accepted = http().post(purge(conference), operator, null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(purged)
                .allSatisfy(id -> assertThat(registrationStatus(organizer, conference, id)).isEqualTo("ERASED")));
        assertThat(http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer).json()
                .get("sold").asInt()).isEqualTo(2);
        assertThat(http().get("/conferences/" + conference + "/registrations", organizer).json()
                .get("totalElements").asLong()).isEqualTo(3);
        for (String id : purged) {
            assertThat(everythingStoredAbout(id, conference)).doesNotContain("Purged").doesNotContain("purged-");
        }
        Http.Response kept = http().get("/conferences/" + other + "/registrations/" + keptId, organizer);
        assertThat(kept.json().get("name").asString()).isEqualTo("Keptelsewhere");
        assertThat(kept.json().get("subject").asString()).isEqualTo("purged-one");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicReader.countEvents(
                EventCatalogue.REGISTRATION_TOPIC, conference, "registration.attendee-erased")).isEqualTo(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> purgeOf(conference).get("finished_at") != null);
        Map<String, Object> finished = purgeOf(conference);

        Http.Response again = http().post(purge(conference), operator, null);

        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(purgeOf(conference)).as("a second purge is not even started").isEqualTo(finished);
        assertThat(finished).containsEntry("requested_by", "OPERATOR").containsEntry("attendees_erased", 3);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier in (?, ?, ?) "
                        + "and payload_type like '%AttendeeErased'")
                .params(purged.get(0), purged.get(1), purged.get(2)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void only_operators_purge_and_an_unknown_conference_is_not_found() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        String id = register(attendeeToken("not-purged"), conference, createTicketType(organizer, conference, 10),
                "Notpurged").json().get("id").asString();
        clock.moveTo(Instant.parse("2027-06-01T00:00:00Z"));

        Http.Response byOrganizer = http().post(purge(conference), organizer, null);
        Http.Response byAttendee = http().post(purge(conference), attendeeToken("not-purged"), null);
        Http.Response anonymous = http().post(purge(conference), null, null);
        Http.Response unknown = http().post(purge(UUID.randomUUID()), tokens.mint("otto", List.of("OPERATOR")), null);

        assertThat(List.of(byOrganizer, byAttendee)).allSatisfy(denied -> {
            assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        });
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from personal_data_purge where conference_id = ?").param(conference)
                .query(Long.class).single()).isZero();
        assertThat(registrationStatus(organizer, conference, id)).isEqualTo("CONFIRMED");
    }

    @Test
    void the_api_document_names_erasure_and_the_copy_with_their_statuses() {
        tools.jackson.databind.JsonNode paths = http().get("/v3/api-docs", null).json().get("paths");

        tools.jackson.databind.JsonNode erase = paths.get("/conferences/{conferenceId}/attendees/{attendeeId}/erasure")
                .get("post");
        assertThat(erase.get("operationId").asString()).isEqualTo("eraseAttendee");
        assertThat(erase.get("summary").asString()).isEqualTo("Erase attendee");
        assertThat(erase.get("responses").propertyNames()).contains("202", "403", "404").doesNotContain("200", "204");
        tools.jackson.databind.JsonNode export = paths
                .get("/conferences/{conferenceId}/attendees/{attendeeId}/personal-data").get("get");
        assertThat(export.get("operationId").asString()).isEqualTo("exportPersonalData");
        assertThat(export.get("responses").propertyNames()).contains("200", "403", "404");
        tools.jackson.databind.JsonNode purge = paths
                .get("/admin/conferences/{conferenceId}/purge-personal-data").get("post");
        assertThat(purge.get("operationId").asString()).isEqualTo("purgePersonalData");
        assertThat(purge.get("summary").asString()).isEqualTo("Purge personal data");
        assertThat(purge.get("responses").propertyNames()).contains("202", "401", "403", "404", "409")
                .doesNotContain("200", "204");
    }

    private static String erasure(UUID conference, String attendee) {
        return "/conferences/" + conference + "/attendees/" + attendee + "/erasure";
    }

    private static String purge(UUID conference) {
        return "/admin/conferences/" + conference + "/purge-personal-data";
    }

    private String registrationStatus(String organizer, UUID conference, String attendee) {
        return http().get("/conferences/" + conference + "/registrations/" + attendee, organizer).json()
                .get("status").asString();
    }

    private Map<String, Object> purgeOf(UUID conference) {
        return jdbc.sql("select * from personal_data_purge where conference_id = ?").param(conference).query()
                .singleRow();
    }

    private static String personalData(UUID conference, String attendee) {
        return "/conferences/" + conference + "/attendees/" + attendee + "/personal-data";
    }

    /** The attendee's stored events and snapshots as bytes, and their rows in registration's views, as text. */
    private String everythingStoredAbout(String attendeeId, UUID conference) {
        List<byte[]> payloads = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? "
                        + "union all select payload from snapshot_event_entry where aggregate_identifier = ?")
                .params(attendeeId, attendeeId).query(byte[].class).list();
        StringBuilder all = new StringBuilder();
        payloads.forEach(p -> all.append(new String(p, StandardCharsets.UTF_8)));
        all.append(jdbc.sql("select r::text from registration_view r where attendee_id = ?::uuid")
                .param(attendeeId).query(String.class).list());
        all.append(jdbc.sql("select k::text from known_attendee k where attendee_id = ?::uuid")
                .param(attendeeId).query(String.class).list());
        all.append(jdbc.sql("select count(*) from registration_view where conference_id = ?")
                .param(conference).query(Long.class).single());
        return all.toString();
    }
}
