package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Sprints forgets an erased attendee through the platform's reaction to {@code registration.attendee-erased}, and
 * gives a person the copy of what it holds about them.
 */
@ServiceTest(properties = "spring.config.name=sprints")
class SprintErasureTest extends SprintsTestSupport {

    @Test
    void an_erased_participant_loses_name_and_subject_and_the_counts_stay() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 12,
                MONDAY, TUESDAY);
        UUID erased = attendee(conference, "erasable-subject-7", "Erasmus Erasable");
        UUID kept = attendee(conference, "kept-subject-7", "Keeper Kept");
        signedUp(token("erasable-subject-7"), conference, sprint, erased, MONDAY, TUESDAY);
        signedUp(token("kept-subject-7"), conference, sprint, kept, MONDAY);
        assertThat(storedAbout(sprint)).doesNotContain("erasable-subject-7").doesNotContain("kept-subject-7");

        RegistrationFeed.publish(new AttendeeErased(UUID.randomUUID(), conference, Instant.parse("2027-05-01T00:00:00Z"),
                erased));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Http.Response participant = http().get(participants(conference, sprint) + "/" + erased,
                    organizerToken("olivia"));
            assertThat(participant.json().get("name").asString()).isEqualTo(PersonalFields.ERASED);
        });
        assertThat(http().get(participants(conference, sprint) + "/" + kept, organizerToken("olivia")).json()
                .get("name").asString()).isEqualTo("Keeper Kept");
        assertThat(participantsOn(organizerToken("olivia"), conference, sprint, MONDAY)).isEqualTo(2);
        assertThat(participantsOn(organizerToken("olivia"), conference, sprint, TUESDAY)).isEqualTo(1);
        assertThat(jdbc.sql("select k::text from known_attendee k where attendee_id = ?").param(erased)
                .query(String.class).single()).doesNotContain("Erasmus").doesNotContain("erasable-subject-7");
        assertThat(jdbc.sql("select count(*) from personal_data_key where subject = ? and data_key is null")
                .param(erased.toString()).query(Long.class).single()).isOne();
        replaySprintView();
        assertThat(participantsOn(organizerToken("olivia"), conference, sprint, MONDAY)).isEqualTo(2);
    }

    @Test
    void the_copy_of_ones_data_lists_their_sprints_days_attendance_and_what_they_lead_and_nothing_of_others() {
        UUID conference = conference("olivia");
        UUID paula = attendee(conference, "copy-paula", "Paula Participant");
        UUID quentin = attendee(conference, "copy-quentin", "Quentin Other");
        UUID joined = announced(token("copy-quentin"), conference, quentin, 12, MONDAY, TUESDAY);
        UUID led = announced(organizerToken("olivia"), conference, paula, 8, WEDNESDAY);
        signedUp(token("copy-paula"), conference, joined, paula, MONDAY, TUESDAY);
        signedUp(token("copy-quentin"), conference, joined, quentin, MONDAY);
        clockAt(MONDAY, 10);
        assertThat(http().post(participants(conference, joined) + "/" + paula + "/attendance", token("copy-quentin"),
                Map.of("day", MONDAY)).status()).isEqualTo(204);

        Http.Response copy = http().get(personalData(conference, paula), token("copy-paula"));

        assertThat(copy.status()).as(copy.toString()).isEqualTo(200);
        JsonNode body = copy.json();
        assertThat(body.get("subject").asString()).isEqualTo("copy-paula");
        assertThat(body.get("name").asString()).isEqualTo("Paula Participant");
        assertThat(body.get("sprints").size()).isOne();
        JsonNode place = body.get("sprints").get(0);
        assertThat(place.get("sprintId").asString()).isEqualTo(joined.toString());
        assertThat(place.get("days").values()).extracting(JsonNode::asString).containsExactly(MONDAY, TUESDAY);
        assertThat(place.get("attendedDays").values()).extracting(JsonNode::asString).containsExactly(MONDAY);
        assertThat(body.get("leads").size()).isOne();
        assertThat(body.get("leads").get(0).get("sprintId").asString()).isEqualTo(led.toString());
        assertThat(copy.body()).doesNotContain("Quentin").doesNotContain("copy-quentin")
                .doesNotContain(quentin.toString());
        assertThat(http().get(personalData(conference, paula), organizerToken("olivia")).status()).isEqualTo(200);
        Http.Response stranger = http().get(personalData(conference, paula), token("copy-quentin"));
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(403);
        Http.Response unknown = http().get(personalData(conference, UUID.randomUUID()), organizerToken("olivia"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        RegistrationFeed.publish(new AttendeeErased(UUID.randomUUID(), conference, Instant.parse("2027-05-20T00:00:00Z"),
                paula));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                http().get(personalData(conference, paula), organizerToken("olivia")).json().has("name")).isFalse());
        Http.Response after = http().get(personalData(conference, paula), organizerToken("olivia"));
        assertThat(after.body()).doesNotContain("copy-paula").doesNotContain("Paula");
        assertThat(after.json().get("sprints").get(0).get("days").values()).hasSize(2);
        assertThat(http().get(personalData(conference, paula), token("copy-paula")).status())
                .as("an erased subject is nobody's").isEqualTo(403);
    }

    private static String personalData(UUID conference, UUID attendee) {
        return "/conferences/" + conference + "/attendees/" + attendee + "/personal-data";
    }

    private String storedAbout(UUID sprint) {
        StringBuilder all = new StringBuilder();
        jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?").param(sprint.toString())
                .query(byte[].class).list().forEach(p -> all.append(new String(p, StandardCharsets.UTF_8)));
        return all.toString();
    }
}
