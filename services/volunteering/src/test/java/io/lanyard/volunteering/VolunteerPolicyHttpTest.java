package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class VolunteerPolicyHttpTest extends VolunteeringTestSupport {

    @Test
    void an_organizer_sets_the_policy_and_the_next_signup_obeys_it() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID morning = scheduleShift(olivia, conference, "Registration", evening(0, 8), Duration.ofHours(3), 5);
        UUID afternoon = scheduleShift(olivia, conference, "Swag table", evening(0, 12), Duration.ofHours(3), 5);
        Volunteer alice = volunteer(conference, "alice");
        Volunteer bob = volunteer(conference, "bob");
        assertThat(signUp(alice, conference, morning).status()).isEqualTo(201);
        assertThat(signUp(bob, conference, morning).status()).isEqualTo(201);

        assertThat(setPolicy(olivia, conference, Map.of("maxHoursPerDay", 5, "minRestMinutes", 30,
                "noShowLimit", 1)).status()).isEqualTo(204);
        assertThat(signUp(alice, conference, afternoon).problem()).isEqualTo("rest-rule-violated");

        assertThat(setPolicy(olivia, conference, Map.of()).status()).isEqualTo(204);
        assertThat(signUp(alice, conference, afternoon).status()).isEqualTo(201);
        clockAt(evening(0, 9));
        assertThat(recordAttendance(olivia, conference, morning, bob.id(), "NO_SHOW").status()).isEqualTo(204);
        assertThat(signUp(bob, conference, afternoon).status())
                .as("one no-show stays under the default limit of two").isEqualTo(201);
    }

    @Test
    void limits_must_be_positive_and_nothing_changes_when_they_are_not() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        assertThat(setPolicy(olivia, conference, Map.of("noShowLimit", 1)).status()).isEqualTo(204);

        assertInvalid(setPolicy(olivia, conference, Map.of("maxHoursPerDay", 0)), "maxHoursPerDay");
        assertInvalid(setPolicy(olivia, conference, Map.of("maxHoursPerDay", -2.5)), "maxHoursPerDay");
        assertInvalid(setPolicy(olivia, conference, Map.of("maxHoursPerDay", 25)), "maxHoursPerDay");
        assertInvalid(setPolicy(olivia, conference, Map.of("minRestMinutes", -30)), "minRestMinutes");
        assertInvalid(setPolicy(olivia, conference, Map.of("noShowLimit", 0)), "noShowLimit");
        Http.Response malformed = http().put("/conferences/" + conference + "/volunteer-policy", olivia,
                "{\"noShowLimit\": \"many\"}");
        assertThat(malformed.status()).isEqualTo(400);

        UUID first = scheduleShift(olivia, conference, "Day 1", evening(0, 9), Duration.ofHours(2), 5);
        UUID second = scheduleShift(olivia, conference, "Day 2", evening(1, 9), Duration.ofHours(2), 5);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, first).status()).isEqualTo(201);
        clockAt(evening(0, 10));
        assertThat(recordAttendance(olivia, conference, first, alice.id(), "NO_SHOW").status()).isEqualTo(204);
        assertThat(signUp(alice, conference, second).problem())
                .as("the refused updates left the limit of one in force").isEqualTo("too-many-no-shows");
    }

    @Test
    void only_the_conferences_organizers_set_the_policy() {
        UUID conference = conference("olivia");
        Http.Response attendee = setPolicy(token("mallory"), conference, Map.of("noShowLimit", 5));
        assertThat(attendee.status()).isEqualTo(403);
        assertThat(attendee.problem()).isEqualTo("forbidden");
        assertThat(setPolicy(organizerToken("oscar"), conference, Map.of("noShowLimit", 5)).status()).isEqualTo(403);
        assertThat(setPolicy(null, conference, Map.of("noShowLimit", 5)).status()).isEqualTo(401);
        assertThat(setPolicy(organizerToken("olivia"), UUID.randomUUID(), Map.of()).status()).isEqualTo(404);
    }

    private Http.Response setPolicy(String token, UUID conference, Map<String, Object> policy) {
        return http().put("/conferences/" + conference + "/volunteer-policy", token, policy);
    }

    private static void assertInvalid(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("validation-failed");
        assertThat(response.body()).contains(field);
    }
}
