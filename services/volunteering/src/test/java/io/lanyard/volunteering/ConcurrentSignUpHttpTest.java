package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.GroupCommits;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

/** The rules hold when sign-ups arrive at the same moment, on one shift or for one volunteer. */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class ConcurrentSignUpHttpTest extends VolunteeringTestSupport {

    @Test
    void fifty_volunteers_rushing_a_shift_of_ten_take_exactly_ten_places() throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 10);
        List<Volunteer> rushers = volunteers(conference, "rusher", 50);

        List<Http.Response> answers = all(rushers.stream()
                .map(v -> (Attempt) () -> signUp(v, conference, shift))
                .toList());

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(10);
        assertThat(answers.stream().filter(a -> a.status() != 201))
                .hasSize(40)
                .allSatisfy(a -> {
                    assertThat(a.status()).as(a.toString()).isEqualTo(409);
                    assertThat(a.problem()).isEqualTo("shift-full");
                });
        assertThat(places(olivia, conference, shift)).containsExactly(10, 10, 0);
    }

    @Test
    void one_volunteer_racing_for_two_overlapping_shifts_gets_exactly_one() throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        List<Volunteer> racers = volunteers(conference, "racer", 5);
        for (int round = 0; round < racers.size(); round++) {
            Volunteer racer = racers.get(round);
            UUID tableOne = scheduleShift(olivia, conference, "Table 1", evening(round, 17), Duration.ofHours(2), 20);
            UUID tableTwo = scheduleShift(olivia, conference, "Table 2", evening(round, 18), Duration.ofHours(2), 20);

            List<Http.Response> answers = all(List.of(
                    () -> signUp(racer, conference, tableOne),
                    () -> signUp(racer, conference, tableTwo)));

            assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(201, 409);
            assertThat(answers).filteredOn(a -> a.status() == 409).first()
                    .extracting(Http.Response::problem).isEqualTo("overlapping-shift");
            int onTableOne = places(olivia, conference, tableOne).get(1);
            int onTableTwo = places(olivia, conference, tableTwo).get(1);
            assertThat(onTableOne + onTableTwo).isEqualTo(1);
            assertThat(page(racer.token(), conference, racer.id()).json().get("shifts").size()).isEqualTo(1);
        }
    }

    /**
     * Sign-ups that arrive while the shift is busy queue for it and are then decided together, in one unit of work and
     * one commit, each with its own answer. The first holds the shift: it waits for its attendee's lock, which the test
     * holds (as a cancellation in progress would) until the 24 after it have queued.
     */
    @Test
    void sign_ups_queued_for_a_busy_shift_are_decided_together_each_with_its_own_answer() throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 10);
        List<Volunteer> queued = volunteers(conference, "queued", 25);
        GroupCommits groupCommits = groupCommits();
        GroupCommits.Batches before = groupCommits.batches();

        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(queued.size())) {
            try (GroupCommits.LockHolder cancelling = groupCommits.holdingTheLockOf(queued.getFirst().id())) {
                answers.add(clients.submit(() -> signUp(queued.getFirst(), conference, shift)));
                groupCommits.awaitAWaiterForALock();
                for (Volunteer volunteer : queued.subList(1, queued.size())) {
                    answers.add(clients.submit(() -> signUp(volunteer, conference, shift)));
                }
                groupCommits.awaitQueued(queued.size() - 1);
            }
        }

        List<Http.Response> answered = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            answered.add(answer.get());
        }
        assertThat(answered.getFirst().status()).as(answered.getFirst().toString()).isEqualTo(201);
        assertThat(answered.stream().filter(a -> a.status() == 201)).hasSize(10);
        assertThat(answered.stream().filter(a -> a.status() != 201))
                .hasSize(15)
                .allSatisfy(a -> {
                    assertThat(a.status()).as(a.toString()).isEqualTo(409);
                    assertThat(a.problem()).isEqualTo("shift-full");
                });
        // the first alone, then the 24 that queued behind it in one batch
        assertThat(groupCommits.batches().since(before)).isEqualTo(new GroupCommits.Batches(2, 25));
        assertThat(places(olivia, conference, shift)).containsExactly(10, 10, 0);
    }

    /**
     * Sign-ups decided together take every registration's lock, then every schedule's, before the shift's: one by one,
     * the second would wait for its registration's lock while the batch holds the shift, and a cancellation holding
     * that registration and wanting the shift (as a withdrawal does) would wait for the batch in a circle.
     */
    @Test
    void sign_ups_decided_together_take_their_registrations_locks_before_the_shifts() throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(1, 17), Duration.ofHours(2), 10);
        Volunteer ada = volunteer(conference, "ada");
        Volunteer bob = volunteer(conference, "bob");
        Volunteer carl = volunteer(conference, "carl");
        GroupCommits groupCommits = groupCommits();

        Future<Http.Response> adaSignsUp;
        Future<Http.Response> bobSignsUp;
        Future<Http.Response> carlSignsUp;
        try (ExecutorService clients = Executors.newFixedThreadPool(3);
             GroupCommits.LockHolder carlsCancellation = groupCommits.holdingTheLockOf(carl.id())) {
            try (GroupCommits.LockHolder adasCancellation = groupCommits.holdingTheLockOf(ada.id())) {
                adaSignsUp = clients.submit(() -> signUp(ada, conference, shift));
                groupCommits.awaitAWaiterForALock();
                // bob first, so that his sign-up takes the shift before carl's wants carl's lock
                bobSignsUp = clients.submit(() -> signUp(bob, conference, shift));
                groupCommits.awaitQueued(1);
                carlSignsUp = clients.submit(() -> signUp(carl, conference, shift));
                groupCommits.awaitQueued(2);
            }
            assertThat(adaSignsUp.get().status()).as(adaSignsUp.get().toString()).isEqualTo(201);
            // bob's and carl's batch now waits for carl's lock, holding neither bob's schedule nor the shift
            groupCommits.awaitAWaiterForALock();
            assertThat(carlsCancellation.tryLock("shift/" + shift)).as("the shift is free").isTrue();
        }

        assertThat(bobSignsUp.get().status()).as(bobSignsUp.get().toString()).isEqualTo(201);
        assertThat(carlSignsUp.get().status()).as(carlSignsUp.get().toString()).isEqualTo(201);
        assertThat(places(olivia, conference, shift)).containsExactly(10, 3, 7);
    }

    interface Attempt {
        Http.Response make();
    }

    /** Runs every attempt at once: each waits on a shared start signal so none gets a head start. */
    private static List<Http.Response> all(List<Attempt> attempts) throws Exception {
        CountDownLatch ready = new CountDownLatch(attempts.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts.size())) {
            for (Attempt attempt : attempts) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return attempt.make();
                }));
            }
            ready.await();
            start.countDown();
        }
        List<Http.Response> answers = new ArrayList<>();
        for (Future<Http.Response> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
