package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.StoredText;

import tools.jackson.databind.JsonNode;

/**
 * An erased volunteer through volunteering: no text of theirs is left in any table, their shifts, hours and
 * no-shows stay and still bind them (their schedule is found without their {@code sub}, from its snapshot too), the
 * views replay, a second erasure changes nothing; and the copy of one's data.
 */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class VolunteerErasureHttpTest extends VolunteeringTestSupport {

    private static final String ERASED_SUB = "erasable-volunteer-51";
    private static final String ERASED_NAME = "Erasmus Volunteerson";

    @Test
    void an_erased_volunteer_keeps_shifts_hours_and_rules_and_leaves_no_text_behind() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID first = scheduleShift(olivia, conference, "Day 1", evening(0, 9), Duration.ofHours(2), 2);
        UUID second = scheduleShift(olivia, conference, "Day 2", evening(1, 9), Duration.ofHours(2), 5);
        UUID overlapping = scheduleShift(olivia, conference, "Day 2 too", evening(1, 10), Duration.ofHours(2), 5);
        UUID third = scheduleShift(olivia, conference, "Day 3", evening(2, 9), Duration.ofHours(2), 5);
        UUID fourth = scheduleShift(olivia, conference, "Day 3, later", evening(2, 15), Duration.ofHours(2), 5);
        UUID erased = attendee(conference, ERASED_SUB, ERASED_NAME);
        Volunteer kept = volunteer(conference, "kept-volunteer-51");
        assertThat(signUp(token(ERASED_SUB), conference, first, erased).status()).isEqualTo(201);
        assertThat(signUp(token(ERASED_SUB), conference, second, erased).status()).isEqualTo(201);
        assertThat(signUp(token(ERASED_SUB), conference, fourth, erased).status()).isEqualTo(201);
        assertThat(signUp(kept, conference, first).status()).isEqualTo(201);
        clockAt(evening(0, 10));
        assertThat(recordAttendance(olivia, conference, first, erased, "PRESENT").status()).isEqualTo(204);
        assertThat(recordAttendance(olivia, conference, first, kept.id(), "NO_SHOW").status()).isEqualTo(204);
        JsonNode pageBefore = page(olivia, conference, erased).json();
        assertThat(pageBefore.get("hoursWorked").asDouble()).isEqualTo(2.0);

        erase(conference, erased);

        assertThat(page(olivia, conference, erased).json()).isEqualTo(pageBefore);
        assertThat(page(kept.token(), conference, kept.id()).json().get("noShows").asInt()).isOne();
        assertThat(places(olivia, conference, first)).containsExactly(2, 2, 0);
        assertThat(StoredText.everything(jdbc)).doesNotContain(ERASED_SUB).doesNotContain(ERASED_NAME)
                .contains("kept-volunteer-51");
        assertThat(attendees.find(conference, erased).orElseThrow().subject()).isEqualTo(PersonalFields.ERASED);

        // done in their name afterwards, against their own schedule, loaded from its snapshot alone
        onlySnapshotRemains(scheduleIdOf(conference, ERASED_SUB));
        assertThat(signUp(olivia, conference, overlapping, erased).problem()).isEqualTo("overlapping-shift");
        assertThat(signUp(olivia, conference, third, erased).status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(scheduleIdOf(conference, PersonalFields.ERASED).toString()).query(Long.class).single())
                .as("no schedule shared by every erased volunteer").isZero();
        RegistrationFeed.publish(new AttendeeCancelled(UUID.randomUUID(), conference, evening(0, 11).toInstant(),
                erased, PersonalFields.ERASED, AttendeeCancelled.Canceller.ORGANIZER));
        await().atMost(Duration.ofSeconds(30)).until(() -> places(olivia, conference, third).get(1) == 0);
        assertThat(places(olivia, conference, second)).as("the cancellation found their shifts").containsExactly(5, 0, 5);
        assertThat(places(olivia, conference, fourth)).containsExactly(5, 0, 5);
        assertThat(places(olivia, conference, first)).as("a shift under way keeps them").containsExactly(2, 2, 0);
        JsonNode page = page(olivia, conference, erased).json();
        assertThat(page.get("hoursWorked").asDouble()).isEqualTo(2.0);

        for (String view : List.of("roster-view", "volunteer-policy-view")) {
            Http.Response replayed = http().post("/admin/read-models/" + view + "/replay",
                    tokens.mint("otto", List.of("OPERATOR")), null);
            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        }
        assertThat(page(olivia, conference, erased).json()).as("the roster replays as it was").isEqualTo(page);
        assertThat(places(olivia, conference, first)).containsExactly(2, 2, 0);

        UUID again = UUID.randomUUID();
        RegistrationFeed.publish(new AttendeeErased(again, conference, Instant.parse("2027-05-02T00:00:00Z"),
                erased));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from processed_integration_event where event_id = ?")
                .param(again).query(Long.class).single() == 1);
        assertThat(page(olivia, conference, erased).json()).as("a second erasure changes nothing").isEqualTo(page);
        assertThat(jdbc.sql("select count(*) from erased_volunteer where attendee_id = ?").param(erased)
                .query(Long.class).single()).isOne();
    }

    @Test
    void the_copy_of_ones_data_holds_ones_shifts_and_hours_and_nothing_of_anyone_else() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Registration desk", evening(1, 8), Duration.ofHours(3), 4);
        Volunteer owner = volunteer(conference, "exporting-volunteer-52");
        Volunteer other = volunteer(conference, "other-volunteer-52");
        assertThat(signUp(owner, conference, shift).status()).isEqualTo(201);
        assertThat(signUp(other, conference, shift).status()).isEqualTo(201);
        clockAt(evening(1, 9));
        assertThat(recordAttendance(olivia, conference, shift, owner.id(), "PRESENT").status()).isEqualTo(204);

        Http.Response own = http().get(personalData(conference, owner.id()), owner.token());

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("subject").asString()).isEqualTo("exporting-volunteer-52");
        assertThat(own.json().get("hoursWorked").asDouble()).isEqualTo(3.0);
        assertThat(own.json().get("shifts")).hasSize(1);
        assertThat(own.json().get("shifts").get(0).get("title").asString()).isEqualTo("Registration desk");
        assertThat(own.json().get("shifts").get(0).get("attendance").asString()).isEqualTo("PRESENT");
        assertThat(own.body()).doesNotContain("other-volunteer-52").doesNotContain(other.id().toString());
        assertThat(http().get(personalData(conference, owner.id()), olivia).status()).isEqualTo(200);
        assertThat(http().get(personalData(conference, owner.id()), other.token()).status()).isEqualTo(403);
        Http.Response unknown = http().get(personalData(conference, UUID.randomUUID()), olivia);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    /** Registration erased the attendee; waits until volunteering has destroyed their key. */
    private void erase(UUID conference, UUID attendee) {
        RegistrationFeed.publish(new AttendeeErased(UUID.randomUUID(), conference,
                Instant.parse("2027-05-01T00:00:00Z"), attendee));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from personal_data_key where subject = ? and data_key is null")
                .param(attendee.toString()).query(Long.class).single() == 1);
    }

    private static String personalData(UUID conference, UUID attendee) {
        return "/conferences/" + conference + "/attendees/" + attendee + "/personal-data";
    }
}
