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
