package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;

/** Sprints forgets an erased attendee through the platform's reaction to {@code registration.attendee-erased}. */
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

    private String storedAbout(UUID sprint) {
        StringBuilder all = new StringBuilder();
        jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?").param(sprint.toString())
                .query(byte[].class).list().forEach(p -> all.append(new String(p, StandardCharsets.UTF_8)));
        return all.toString();
    }
}
