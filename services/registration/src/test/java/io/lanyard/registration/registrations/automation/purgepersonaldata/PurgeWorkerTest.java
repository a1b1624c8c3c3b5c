package io.lanyard.registration.registrations.automation.purgepersonaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.registration.PersonalDataPurgeProperties;
import io.lanyard.registration.RegistrationTestSupport;
import io.lanyard.registration.registrations.write.PersonalDataPurges;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.MovableClock;
import io.lanyard.testsupport.ServiceTest;

/**
 * The automatic purge after the event, and a purge carried on after a restart. The service's own worker runs with
 * the purge off (the default); these tests poll a worker of their own, set as a deployment would set it, against
 * the service's purges and its moving clock.
 */
@ServiceTest(properties = "spring.config.name=registration")
class PurgeWorkerTest extends RegistrationTestSupport {

    /** Thirty days after the end, two attendees a batch, so that a purge of three takes two batches. */
    private static final PersonalDataPurgeProperties THIRTY_DAYS_AFTER = new PersonalDataPurgeProperties(
            Duration.ofDays(30), 2, Duration.ofSeconds(30), Duration.ofMinutes(2));

    @Autowired
    PersonalDataPurges purges;

    @Autowired
    PersonalDataPurgeProperties configured;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void purges_a_conference_once_when_the_time_after_its_end_has_come_and_not_before() {
        assertThat(configured.purgesAutomatically()).as("off unless configured").isFalse();
        String organizer = organizerToken("olivia");
        List<String> subjects = List.of("auto-one", "auto-two", "auto-three", "auto-late");
        List<String> tokens = subjects.stream().map(this::attendeeToken).toList();
        // earlier than any other test's conference, so that its time coming purges it alone
        clock.moveTo(Instant.parse("2020-01-08T00:00:00Z"));
        UUID conference = conference(organizer, "2020-01-06", "2020-01-10", "Pacific/Auckland");
        UUID ticketType = createTicketType(organizer, conference, 10);
        List<String> attendees = IntStream.range(0, 3)
                .mapToObj(i -> registered(tokens.get(i), conference, ticketType, "Automatic" + "abc".charAt(i)))
                .toList();
        PurgeWorker automatic = new PurgeWorker(purges, THIRTY_DAYS_AFTER);
        // midnight after 10 January in Auckland (UTC+13 in summer), then thirty days
        Instant due = Instant.parse("2020-02-09T11:00:00Z");

        clock.moveTo(due.minusSeconds(60));
        automatic.poll();

        assertThat(purgeOf(conference)).isEmpty();
        assertThat(attendees).allSatisfy(id -> assertThat(status(organizer, conference, id)).isEqualTo("CONFIRMED"));

        clock.moveTo(due);
        automatic.poll();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(attendees)
                .allSatisfy(id -> assertThat(status(organizer, conference, id)).isEqualTo("ERASED")));
        await().atMost(Duration.ofSeconds(20)).until(() -> purgeOf(conference).get(0).get("finished_at") != null);
        assertThat(purgeOf(conference).get(0)).containsEntry("requested_by", "AUTOMATIC")
                .containsEntry("attendees_erased", 3);
        assertThat(http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer).json()
                .get("sold").asInt()).isEqualTo(3);

        String late = registered(tokens.get(3), conference, ticketType, "Latecomer");
        automatic.poll();

        assertThat(status(organizer, conference, late)).as("the automatic purge purges a conference once")
                .isEqualTo("CONFIRMED");
        assertThat(erasuresOf(attendees)).isEqualTo(3);
    }

    @Test
    void a_purge_cut_short_is_left_to_its_live_claimant_and_carried_on_once_that_claim_ran_out() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        List<String> attendees = IntStream.range(0, 5)
                .mapToObj(i -> registered(attendeeToken("cut-short-" + i), conference, ticketType, "Cutshort" + i))
                .toList();
        // the instance that was purging had erased one attendee when it stopped
        Http.Response erased = http().post("/conferences/" + conference + "/attendees/" + attendees.get(0)
                + "/erasure", organizer, null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        jdbc.sql("""
                        insert into personal_data_purge (conference_id, requested_by, requested_at, attendees_erased,
                                                         claimed_until, claimed_by)
                        values (?, 'OPERATOR', now(), 1, now() + interval '1 hour', 'registration-purge/another')""")
                .param(conference).update();
        PurgeWorker worker = new PurgeWorker(purges, THIRTY_DAYS_AFTER);

        worker.poll();

        assertThat(attendees.subList(1, 5)).as("another instance holds the purge")
                .allSatisfy(id -> assertThat(status(organizer, conference, id)).isEqualTo("CONFIRMED"));

        jdbc.sql("update personal_data_purge set claimed_until = now() - interval '1 second' where conference_id = ?")
                .param(conference).update();
        worker.poll();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(attendees)
                .allSatisfy(id -> assertThat(status(organizer, conference, id)).isEqualTo("ERASED")));
        await().atMost(Duration.ofSeconds(20)).until(() -> purgeOf(conference).get(0).get("finished_at") != null);
        assertThat(purgeOf(conference).get(0)).containsEntry("attendees_erased", 5);
        assertThat(erasuresOf(attendees)).as("each attendee erased once").isEqualTo(5);
    }

    private UUID conference(String organizer, String startsOn, String endsOn, String timeZone) {
        Http.Response created = http().post("/conferences", organizer, Map.of("name", "Kiwi PyCon 2020",
                "startsOn", startsOn, "endsOn", endsOn, "timeZone", timeZone));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private String registered(String token, UUID conference, UUID ticketType, String name) {
        Http.Response registered = register(token, conference, ticketType, name);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private String status(String organizer, UUID conference, String attendee) {
        return http().get("/conferences/" + conference + "/registrations/" + attendee, organizer).json()
                .get("status").asString();
    }

    private List<Map<String, Object>> purgeOf(UUID conference) {
        return jdbc.sql("select * from personal_data_purge where conference_id = ?").param(conference).query()
                .listOfRows();
    }

    private long erasuresOf(List<String> attendees) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier in (:ids) "
                        + "and payload_type like '%AttendeeErased'")
                .param("ids", attendees).query(Long.class).single();
    }
}
