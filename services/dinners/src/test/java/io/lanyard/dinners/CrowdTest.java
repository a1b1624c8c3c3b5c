package io.lanyard.dinners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;

/** Crowds asking for seats, many at a time: the seats are never over-held and the waiting list keeps its order. */
@ServiceTest(properties = "spring.config.name=dinners")
class CrowdTest extends DinnersTestSupport {

    @Autowired
    JdbcClient jdbc;

    /**
     * Requests in flight at once: twice the service's connection pool (20), so every connection can be busy with a
     * request for the same dinner while more wait for one. A thousand let go at once put no more requests before the
     * dinner at the same time, only more in the pool's queue, where on a loaded two-core machine some outwait its
     * 5 s connection timeout and are answered 503 (24 of 1,000 in one run): an overload answer, not a dinner's rule.
     */
    private static final int AT_ONCE = 40;

    record Rusher(UUID attendeeId, String subject) {
    }

    @Test
    void a_thousand_requests_forty_at_a_time_for_fifty_seats_hold_fifty_and_waitlist_the_rest_in_order()
            throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 50);
        List<Rusher> crowd = crowd(conference, 1000);

        Watched<Rush> rush = watching(conference, dinner, organizer, () -> rush(crowd, conference, dinner));
        List<Http.Response> answers = rush.result().answers();
        assertThat(rush.result().peakInFlight()).as("requests waiting for their answers at the same time")
                .isEqualTo(AT_ONCE);

        Map<String, List<String>> idsByStatus = new HashMap<>();
        for (Http.Response answer : answers) {
            idsByStatus.computeIfAbsent(answer.json().get("status").asString(), s -> new ArrayList<>())
                    .add(answer.json().get("id").asString());
        }
        assertThat(idsByStatus.get("HELD")).hasSize(50);
        assertThat(idsByStatus.get("WAITLISTED")).hasSize(950);
        assertThat(new HashSet<>(answers.stream().map(a -> a.json().get("id").asString()).toList())).hasSize(1000);
        assertThat(rush.during()).as("readings of the dinner taken while the crowd waited").isNotEmpty();
        assertThat(rush.mostTaken()).as("held + sold seen during the rush").isLessThanOrEqualTo(50);

        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("held").asInt()).isEqualTo(50);
        assertThat(seats.json().get("available").asInt()).isZero();
        assertThat(seats.json().get("waitlisted").asInt()).isEqualTo(950);

        // the fifty seats went to the first fifty requests the dinner decided, the list holds the rest in order
        List<String> statusesInDecisionOrder = jdbc.sql(
                        "select status from dinner_ticket where dinner_id = ? order by request_sequence")
                .param(dinner).query(String.class).list();
        assertThat(statusesInDecisionOrder.subList(0, 50)).containsOnly("HELD");
        assertThat(statusesInDecisionOrder.subList(50, 1000)).containsOnly("WAITLISTED");
        List<String> waitlistInOrder = jdbc.sql("""
                        select ticket_id::text from dinner_ticket
                        where dinner_id = ? and status = 'WAITLISTED' order by request_sequence""")
                .param(dinner).query(String.class).list();
        assertThat(ticket(organizer, conference, dinner, waitlistInOrder.getFirst())
                .json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(ticket(organizer, conference, dinner, waitlistInOrder.getLast())
                .json().get("waitlistPosition").asInt()).isEqualTo(950);

        assertThat(cancel(organizer, conference, dinner, idsByStatus.get("HELD").getFirst()).status()).isEqualTo(204);
        assertThat(ticket(organizer, conference, dinner, waitlistInOrder.getFirst()).json().get("status").asString())
                .as("the head of the list gets the freed seat").isEqualTo("HELD");
        assertThat(ticket(organizer, conference, dinner, waitlistInOrder.get(1)).json().get("waitlistPosition")
                .asInt()).isEqualTo(1);
    }

    @Test
    void a_crowd_sells_out_two_hundred_seats_and_cancellations_flow_down_the_waiting_list() throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 200);
        List<Rusher> crowd = crowd(conference, 240);

        Watched<Rush> rush = watching(conference, dinner, organizer, () -> rush(crowd, conference, dinner));
        assertThat(rush.during()).as("readings of the dinner taken while the crowd waited").isNotEmpty();
        List<Http.Response> answers = rush.result().answers();
        List<Integer> held = new ArrayList<>();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            (answers.get(i).json().get("status").asString().equals("HELD") ? held : waiting).add(i);
        }
        assertThat(held).hasSize(200);
        assertThat(waiting).hasSize(40);

        Watched<List<Http.Response>> payments = watching(conference, dinner, organizer, () -> {
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                List<Future<Http.Response>> paid = new ArrayList<>();
                for (int i : held) {
                    String id = answers.get(i).json().get("id").asString();
                    String subject = crowd.get(i).subject();
                    paid.add(pool.submit(() -> pay(token(subject), conference, dinner, id)));
                }
                List<Http.Response> paidAnswers = new ArrayList<>();
                for (Future<Http.Response> payment : paid) {
                    paidAnswers.add(payment.get());
                }
                return paidAnswers;
            }
        });
        for (Http.Response payment : payments.result()) {
            assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
        }
        assertThat(payments.during()).as("readings of the dinner taken while the payments came in").isNotEmpty();
        Http.Response soldOut = dinner(organizer, conference, dinner);
        assertThat(soldOut.json().get("sold").asInt()).isEqualTo(200);
        assertThat(soldOut.json().get("available").asInt()).isZero();
        assertThat(soldOut.json().get("waitlisted").asInt()).isEqualTo(40);

        for (int n = 0; n < 10; n++) {
            int i = held.get(n);
            assertThat(cancel(token(crowd.get(i).subject()), conference, dinner,
                    answers.get(i).json().get("id").asString()).status()).isEqualTo(204);
        }
        Http.Response afterCancellations = dinner(organizer, conference, dinner);
        assertThat(afterCancellations.json().get("sold").asInt()).isEqualTo(190);
        assertThat(afterCancellations.json().get("held").asInt()).isEqualTo(10);
        assertThat(afterCancellations.json().get("waitlisted").asInt()).isEqualTo(30);
        assertThat(Math.max(rush.mostTaken(), payments.mostTaken()))
                .as("held + sold seen during the rush and the payments").isLessThanOrEqualTo(200);
    }

    /** Registration's feed announces the attendees; waits until this service knows every one. */
    private List<Rusher> crowd(UUID conference, int size) {
        List<Rusher> crowd = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String subject = "rusher-" + UUID.randomUUID();
            crowd.add(new Rusher(RegistrationFeed.attendeeRegistered(conference, subject, "Rusher " + i), subject));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "select count(*) from known_attendee where conference_id = ?")
                .param(conference).query(Long.class).single() == size);
        return crowd;
    }

    /** The crowd's answers in the crowd's order, and the most requests that waited for an answer at once. */
    record Rush(List<Http.Response> answers, int peakInFlight) {
    }

    /**
     * {@link #AT_ONCE} clients let go together, each sending the next rusher's request as soon as its last one is
     * answered, so that many requests wait for their answers at any moment of the rush. Every answer is a 201.
     */
    private Rush rush(List<Rusher> crowd, UUID conference, UUID dinner) throws Exception {
        Http.Response[] answers = new Http.Response[crowd.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE)) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < AT_ONCE; client++) {
                running.add(clients.submit(() -> {
                    gate.await();
                    for (int i = next.getAndIncrement(); i < crowd.size(); i = next.getAndIncrement()) {
                        Rusher rusher = crowd.get(i);
                        String token = token(rusher.subject());
                        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        try {
                            answers[i] = requestTicket(token, conference, dinner, rusher.attendeeId());
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> client : running) {
                client.get();
            }
        }
        for (Http.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
        return new Rush(List.of(answers), peak.get());
    }

    /** What an action returned, and how full the dinner was at each reading taken while it ran. */
    record Watched<T>(T result, List<Reading> during) {

        int mostTaken() {
            return during.stream().mapToInt(Reading::taken).max().orElseThrow();
        }
    }

    /** One look at the dinner: held + sold, asked for at {@code from} and answered at {@code to}. */
    record Reading(Instant from, Instant to, int taken) {
    }

    /**
     * Runs the action while another thread reads the dinner's seats again and again; keeps the readings begun after
     * the action started and answered before it ended. A reading that fails (not a 200) fails the test here, and the
     * reading thread stops whatever happens.
     */
    private <T> Watched<T> watching(UUID conference, UUID dinner, String token, Callable<T> action) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Reading> readings = new CopyOnWriteArrayList<>();
        try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
            Future<?> reading = reader.submit(() -> {
                while (running.get()) {
                    Instant from = Instant.now();
                    Http.Response seats = dinner(token, conference, dinner);
                    assertThat(seats.status()).as(seats.toString()).isEqualTo(200);
                    readings.add(new Reading(from, Instant.now(),
                            seats.json().get("held").asInt() + seats.json().get("sold").asInt()));
                }
                return null;
            });
            T result;
            Instant started = Instant.now();
            try {
                result = action.call();
            } finally {
                running.set(false);
            }
            Instant ended = Instant.now();
            reading.get();
            return new Watched<>(result, readings.stream()
                    .filter(r -> !r.from().isBefore(started) && !r.to().isAfter(ended))
                    .toList());
        }
    }
}
