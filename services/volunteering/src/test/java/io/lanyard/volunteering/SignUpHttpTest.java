package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class SignUpHttpTest extends VolunteeringTestSupport {

    private String olivia;

    @BeforeEach
    void organizer() {
        olivia = organizerToken("olivia");
    }

    @Test
    void a_volunteer_signs_up_and_withdraws_and_the_place_is_free_again() {
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);
        Volunteer alice = volunteer(conference, "alice");

        Http.Response signedUp = signUp(alice, conference, shift);
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        assertThat(signedUp.header("Location"))
                .isEqualTo("/conferences/" + conference + "/shifts/" + shift + "/volunteers/" + alice.id());
        assertThat(signedUp.json().get("id").asString()).isEqualTo(alice.id().toString());
        assertThat(places(alice.token(), conference, shift)).containsExactly(20, 1, 19);
        assertThat(page(alice.token(), conference, alice.id()).json().get("shifts").get(0).get("id").asString())
                .isEqualTo(shift.toString());

        Http.Response withdrawn = http().delete(
                "/conferences/" + conference + "/shifts/" + shift + "/volunteers/" + alice.id(), alice.token());
        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(places(alice.token(), conference, shift)).containsExactly(20, 0, 20);
        assertThat(page(alice.token(), conference, alice.id()).json().get("shifts").size()).isZero();

        Http.Response again = http().delete(
                "/conferences/" + conference + "/shifts/" + shift + "/volunteers/" + alice.id(), alice.token());
        assertThat(again.status()).isEqualTo(204);
        assertThat(signUp(alice, conference, shift).status()).isEqualTo(201);
    }

    @Test
    void refuses_a_second_signup_with_already_signed_up() {
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, shift).status()).isEqualTo(201);

        assertRefused(signUp(alice, conference, shift), "already-signed-up");
        assertThat(places(olivia, conference, shift)).containsExactly(20, 1, 19);
    }

    @Test
    void refuses_a_signup_for_a_full_shift_with_shift_full() {
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Swag table", evening(0, 17), Duration.ofHours(2), 1);
        assertThat(signUp(volunteer(conference, "alice"), conference, shift).status()).isEqualTo(201);

        assertRefused(signUp(volunteer(conference, "bob"), conference, shift), "shift-full");
        assertThat(places(olivia, conference, shift)).containsExactly(1, 1, 0);
    }

    @Test
    void refuses_a_signup_for_an_overlapping_shift_with_overlapping_shift() {
        UUID conference = conference("olivia");
        UUID tableOne = scheduleShift(olivia, conference, "Table 1", evening(0, 17), Duration.ofHours(2), 20);
        UUID tableTwo = scheduleShift(olivia, conference, "Table 2", evening(0, 18), Duration.ofHours(2), 20);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, tableOne).status()).isEqualTo(201);

        assertRefused(signUp(alice, conference, tableTwo), "overlapping-shift");
        assertThat(places(olivia, conference, tableTwo)).containsExactly(20, 0, 20);
    }

    @Test
    void refuses_a_signup_for_a_shift_that_started_with_shift_started() {
        UUID conference = conference("olivia");
        OffsetDateTime startsAt = evening(1, 8);
        UUID running = scheduleShift(olivia, conference, "Registration desk", startsAt, Duration.ofHours(3), 5);
        clockAt(startsAt.plusHours(1));

        assertRefused(signUp(volunteer(conference, "alice"), conference, running), "shift-started");
        assertThat(places(olivia, conference, running)).containsExactly(5, 0, 5);
    }

    @Test
    void refuses_a_signup_without_the_minimum_rest_with_rest_rule_violated() {
        UUID conference = conference("olivia");
        setPolicy(conference, Map.of("minRestMinutes", 60));
        UUID afternoon = scheduleShift(olivia, conference, "Registration", evening(0, 13), Duration.ofHours(2), 5);
        UUID evening = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 15).plusMinutes(30),
                Duration.ofHours(2), 5);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, afternoon).status()).isEqualTo(201);

        assertRefused(signUp(alice, conference, evening), "rest-rule-violated");
        assertThat(places(olivia, conference, evening)).containsExactly(5, 0, 5);
    }

    @Test
    void refuses_a_signup_beyond_the_hours_per_day_with_rest_rule_violated() {
        UUID conference = conference("olivia");
        setPolicy(conference, Map.of("maxHoursPerDay", 4));
        UUID morning = scheduleShift(olivia, conference, "Registration", evening(0, 8), Duration.ofHours(3), 5);
        UUID afternoon = scheduleShift(olivia, conference, "Swag table", evening(0, 14), Duration.ofHours(2), 5);
        UUID nextDay = scheduleShift(olivia, conference, "Swag table", evening(1, 14), Duration.ofHours(2), 5);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, morning).status()).isEqualTo(201);

        assertRefused(signUp(alice, conference, afternoon), "rest-rule-violated");
        assertThat(signUp(alice, conference, nextDay).status()).isEqualTo(201);
    }

    @Test
    void refuses_a_volunteer_after_repeated_no_shows_with_too_many_no_shows() {
        UUID conference = conference("olivia");
        List<UUID> shifts = List.of(
                scheduleShift(olivia, conference, "Day 1", evening(0, 9), Duration.ofHours(2), 5),
                scheduleShift(olivia, conference, "Day 2", evening(1, 9), Duration.ofHours(2), 5),
                scheduleShift(olivia, conference, "Day 3", evening(2, 9), Duration.ofHours(2), 5));
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, shifts.get(0)).status()).isEqualTo(201);
        assertThat(signUp(alice, conference, shifts.get(1)).status()).isEqualTo(201);
        clockAt(evening(1, 10));
        assertThat(recordAttendance(olivia, conference, shifts.get(0), alice.id(), "NO_SHOW").status()).isEqualTo(204);
        assertThat(recordAttendance(olivia, conference, shifts.get(1), alice.id(), "NO_SHOW").status()).isEqualTo(204);

        assertRefused(signUp(alice, conference, shifts.get(2)), "too-many-no-shows");

        setPolicy(conference, Map.of("noShowLimit", 3));
        assertThat(signUp(alice, conference, shifts.get(2)).status()).isEqualTo(201);
    }

    /**
     * Alice missed two shifts, an organizer cancelled her registration during the second, and she registered again:
     * a new attendee id, the same person. Her no-shows and the shift she still holds come with her.
     */
    @Test
    void no_shows_and_held_shifts_follow_the_person_into_a_new_registration() {
        UUID conference = conference("olivia");
        OffsetDateTime dayTwo = evening(1, 9);
        UUID first = scheduleShift(olivia, conference, "Day 1", evening(0, 9), Duration.ofHours(2), 5);
        UUID second = scheduleShift(olivia, conference, "Day 2", dayTwo, Duration.ofHours(2), 5);
        UUID overlapping = scheduleShift(olivia, conference, "Day 2, later", dayTwo.plusHours(1),
                Duration.ofHours(2), 5);
        UUID tooSoon = scheduleShift(olivia, conference, "Day 2, after lunch", dayTwo.plusMinutes(150),
                Duration.ofHours(2), 5);
        UUID third = scheduleShift(olivia, conference, "Day 3", evening(2, 9), Duration.ofHours(2), 5);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, first).status()).isEqualTo(201);
        assertThat(signUp(alice, conference, second).status()).isEqualTo(201);
        clockAt(dayTwo.plusMinutes(30));
        assertThat(recordAttendance(olivia, conference, first, alice.id(), "NO_SHOW").status()).isEqualTo(204);
        assertThat(recordAttendance(olivia, conference, second, alice.id(), "NO_SHOW").status()).isEqualTo(204);

        cancelled(conference, alice, clock.instant(), AttendeeCancelled.Canceller.ORGANIZER);
        Volunteer aliceAgain = registeredAgain(conference, alice);

        assertRefused(signUp(aliceAgain, conference, third), "too-many-no-shows");
        setPolicy(conference, Map.of("noShowLimit", 3, "minRestMinutes", 60));
        assertRefused(signUp(aliceAgain, conference, overlapping), "overlapping-shift");
        assertRefused(signUp(aliceAgain, conference, tooSoon), "rest-rule-violated");
        assertThat(signUp(aliceAgain, conference, third).status()).isEqualTo(201);
        assertThat(places(olivia, conference, third)).containsExactly(5, 1, 4);
    }

    @Test
    void unknown_and_cancelled_attendees_are_not_registered() {
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);

        Http.Response unknown = signUp(olivia, conference, shift, UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problem()).isEqualTo("not-registered");

        Volunteer bob = volunteer(conference, "bob");
        cancelRegistration(conference, bob.id(), bob.subject());
        Http.Response cancelled = signUp(bob, conference, shift);
        assertThat(cancelled.status()).isEqualTo(422);
        assertThat(cancelled.problem()).isEqualTo("not-registered");
        assertThat(signUp(olivia, conference, shift, bob.id()).status()).isEqualTo(422);

        assertThat(places(olivia, conference, shift)).containsExactly(20, 0, 20);
    }

    @Test
    void an_unknown_shift_is_not_found() {
        UUID conference = conference("olivia");
        Volunteer alice = volunteer(conference, "alice");
        Http.Response unknown = signUp(alice, conference, UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem()).isEqualTo("not-found");

        UUID other = conference("oscar");
        UUID elsewhere = scheduleShift(organizerToken("oscar"), other, "Elsewhere", evening(0, 17),
                Duration.ofHours(2), 5);
        assertThat(signUp(alice, conference, elsewhere).status()).isEqualTo(404);
        assertThat(http().delete("/conferences/" + conference + "/shifts/" + elsewhere + "/volunteers/" + alice.id(),
                alice.token()).status()).isEqualTo(404);
        assertThat(places(organizerToken("oscar"), other, elsewhere)).containsExactly(5, 0, 5);
        assertThat(http().post("/conferences/" + conference + "/shifts/not-a-uuid/volunteers", alice.token(),
                Map.of("attendeeId", alice.id().toString())).status()).isEqualTo(404);
    }

    @Test
    void volunteers_act_only_for_themselves_and_organizers_for_anyone() {
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);
        Volunteer alice = volunteer(conference, "alice");
        Volunteer bob = volunteer(conference, "bob");

        Http.Response forSomeoneElse = signUp(bob.token(), conference, shift, alice.id());
        assertThat(forSomeoneElse.status()).isEqualTo(403);
        assertThat(forSomeoneElse.problem()).isEqualTo("forbidden");
        assertThat(signUp(organizerToken("oscar"), conference, shift, alice.id()).status()).isEqualTo(403);
        assertThat(places(olivia, conference, shift)).containsExactly(20, 0, 20);

        assertThat(signUp(olivia, conference, shift, alice.id()).status()).isEqualTo(201);
        String alicesPlace = "/conferences/" + conference + "/shifts/" + shift + "/volunteers/" + alice.id();
        assertThat(http().delete(alicesPlace, bob.token()).status()).isEqualTo(403);
        assertThat(places(olivia, conference, shift)).containsExactly(20, 1, 19);
        assertThat(http().delete(alicesPlace, olivia).status()).isEqualTo(204);
        assertThat(places(olivia, conference, shift)).containsExactly(20, 0, 20);
    }

    @Test
    void a_signup_needs_an_attendee() {
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);
        Http.Response missing = http().post("/conferences/" + conference + "/shifts/" + shift + "/volunteers",
                token("alice"), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problem()).isEqualTo("validation-failed");
        Http.Response notAnId = http().post("/conferences/" + conference + "/shifts/" + shift + "/volunteers",
                token("alice"), Map.of("attendeeId", "alice"));
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(http().post("/conferences/" + conference + "/shifts/" + shift + "/volunteers", null,
                Map.of("attendeeId", UUID.randomUUID().toString())).status()).isEqualTo(401);
    }

    private void setPolicy(UUID conference, Map<String, Object> policy) {
        Http.Response response = http().put("/conferences/" + conference + "/volunteer-policy", olivia, policy);
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
    }

    private static void assertRefused(Http.Response response, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problem()).isEqualTo(slug);
    }
}
