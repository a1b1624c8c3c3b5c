package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

/** Registration's {@code AttendeeCancelled}, arriving through Kafka, gives a cancelled volunteer's places back. */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class RegistrationCancelledHttpTest extends VolunteeringTestSupport {

    @Test
    void a_cancelled_registration_frees_every_place_the_volunteer_held() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID bagStuffing = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 2);
        UUID desk = scheduleShift(olivia, conference, "Registration desk", evening(1, 8), Duration.ofHours(4), 2);
        Volunteer alice = volunteer(conference, "alice");
        Volunteer bob = volunteer(conference, "bob");
        Volunteer carol = volunteer(conference, "carol");
        assertThat(signUp(alice, conference, bagStuffing).status()).isEqualTo(201);
        assertThat(signUp(alice, conference, desk).status()).isEqualTo(201);
        assertThat(signUp(bob, conference, bagStuffing).status()).isEqualTo(201);
        assertThat(signUp(carol, conference, bagStuffing).problem()).isEqualTo("shift-full");

        cancelRegistration(conference, alice.id(), alice.subject());

        assertThat(places(olivia, conference, bagStuffing)).containsExactly(2, 1, 1);
        assertThat(places(olivia, conference, desk)).containsExactly(2, 0, 2);
        assertThat(page(olivia, conference, alice.id()).json().get("shifts").size()).isZero();
        assertThat(signUp(carol, conference, bagStuffing).status()).isEqualTo(201);
        assertThat(signUp(olivia, conference, desk, alice.id()).problem()).isEqualTo("not-registered");
    }

    @Test
    void a_shift_that_had_started_before_the_cancellation_keeps_the_volunteer() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        OffsetDateTime firstStart = evening(0, 9);
        UUID first = scheduleShift(olivia, conference, "Registration desk", firstStart, Duration.ofHours(2), 5);
        UUID second = scheduleShift(olivia, conference, "Swag table", evening(1, 9), Duration.ofHours(2), 5);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, first).status()).isEqualTo(201);
        assertThat(signUp(alice, conference, second).status()).isEqualTo(201);

        cancelled(conference, alice, firstStart.plusHours(1).toInstant(), AttendeeCancelled.Canceller.ORGANIZER);

        assertThat(places(olivia, conference, first)).containsExactly(5, 1, 4);
        assertThat(places(olivia, conference, second)).containsExactly(5, 0, 5);
    }

    /**
     * The owner cancels on the bag-stuffing evening (before the conference starts, so registration lets them): the
     * evening's shift had begun and keeps them with the attendance recorded; tomorrow's desk gets its place back.
     */
    @Test
    void a_cancellation_leaves_a_shift_that_had_begun_and_its_attendance_as_they_were() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        OffsetDateTime eveningStart = evening(0, 18);
        UUID bagStuffing = scheduleShift(olivia, conference, "Bag stuffing", eveningStart, Duration.ofHours(2), 5);
        UUID desk = scheduleShift(olivia, conference, "Registration desk", evening(1, 8), Duration.ofHours(4), 5);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, bagStuffing).status()).isEqualTo(201);
        assertThat(signUp(alice, conference, desk).status()).isEqualTo(201);
        clockAt(eveningStart.plusHours(1));
        assertThat(recordAttendance(olivia, conference, bagStuffing, alice.id(), "PRESENT").status()).isEqualTo(204);

        cancelled(conference, alice, eveningStart.plusMinutes(90).toInstant(), AttendeeCancelled.Canceller.OWNER);

        assertThat(places(olivia, conference, bagStuffing)).containsExactly(5, 1, 4);
        assertThat(places(olivia, conference, desk)).containsExactly(5, 0, 5);
        JsonNode page = page(olivia, conference, alice.id()).json();
        assertThat(page.get("shifts").size()).isEqualTo(1);
        assertThat(page.get("shifts").get(0).get("id").asString()).isEqualTo(bagStuffing.toString());
        assertThat(page.get("shifts").get(0).get("attendance").asString()).isEqualTo("PRESENT");
        assertThat(page.get("hoursWorked").asDouble()).isEqualTo(2.0);
    }

    /**
     * Registration cancels twenty racers at once; while this service works through the cancellations, eight at a
     * time sign up for a second shift. A round shows
     * the race only when both orders happened in it: some sign-ups landed first (the cancellation had to take them
     * back) and some came after it (refused {@code not-registered}). Rounds repeat, with fresh racers, until one did;
     * every round, raced or not, must leave no cancelled volunteer on a shift.
     */
    @Test
    void sign_ups_racing_their_own_cancellation_never_leave_a_cancelled_volunteer_on_a_shift() throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        boolean raced = false;
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < 5 && !raced; round++) {
            UUID first = scheduleShift(olivia, conference, "Registration desk", evening(0, 9), Duration.ofHours(2), 50);
            UUID second = scheduleShift(olivia, conference, "Swag table", evening(1, 9), Duration.ofHours(2), 50);
            List<Volunteer> racers = volunteers(conference, "canceller-" + round, 20);
            for (Volunteer racer : racers) {
                assertThat(signUp(racer, conference, first).status()).isEqualTo(201);
            }

            List<Future<Http.Response>> signUps = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (Volunteer racer : racers) {
                    RegistrationFeed.attendeeCancelled(conference, racer.id(), racer.subject());
                }
                for (Volunteer racer : racers) {
                    signUps.add(pool.submit(() -> signUp(racer, conference, second)));
                }
            }
            int landed = 0;
            int refused = 0;
            for (Future<Http.Response> signUp : signUps) {
                Http.Response answer = signUp.get();
                assertThat(answer.status()).as(answer.toString()).isIn(201, 422);
                if (answer.status() == 201) {
                    landed++;
                } else {
                    assertThat(answer.problem()).isEqualTo("not-registered");
                    refused++;
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> racers.stream()
                    .allMatch(r -> attendees.find(conference, r.id()).map(a -> !a.active()).orElse(false)));

            assertThat(places(olivia, conference, first)).containsExactly(50, 0, 50);
            assertThat(places(olivia, conference, second)).containsExactly(50, 0, 50);
            rounds.add(landed + " landed first, " + refused + " refused");
            raced = landed > 0 && refused > 0;
        }
        System.out.println("sign-ups racing their cancellation, by round: " + rounds);
        assertThat(raced).as("a round where sign-ups landed both before and after their cancellation: %s", rounds)
                .isTrue();
    }
}
