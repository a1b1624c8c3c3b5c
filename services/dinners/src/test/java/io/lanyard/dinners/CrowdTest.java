package io.lanyard.dinners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Crowds asking for seats all at once: the seats are never over-held and the waiting list keeps its order. */
@ServiceTest(properties = "spring.config.name=dinners")
class CrowdTest extends DinnersTestSupport {

    @Autowired
    JdbcClient jdbc;

    record Rusher(UUID attendeeId, String subject) {
    }

    @Test
    void a_thousand_simultaneous_requests_for_fifty_seats_hold_fifty_and_waitlist_the_rest_in_order()
            throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 50);
        List<Rusher> crowd = crowd(conference, 1000);

        SeatWatch watch = new SeatWatch(conference, dinner, organizer);
        List<Http.Response> answers = rush(crowd, conference, dinner, watch);

        Map<String, List<String>> idsByStatus = new HashMap<>();
        for (Http.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            idsByStatus.computeIfAbsent(answer.json().get("status").asString(), s -> new ArrayList<>())
                    .add(answer.json().get("id").asString());
        }
        assertThat(idsByStatus.get("HELD")).hasSize(50);
        assertThat(idsByStatus.get("WAITLISTED")).hasSize(950);
        assertThat(new HashSet<>(answers.stream().map(a -> a.json().get("id").asString()).toList())).hasSize(1000);
        assertThat(watch.worst()).as("held + sold seen during the rush").isLessThanOrEqualTo(50);
        assertThat(watch.samples()).isPositive();

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

        SeatWatch watch = new SeatWatch(conference, dinner, organizer);
        List<Http.Response> answers = rush(crowd, conference, dinner, watch);
        List<Integer> held = new ArrayList<>();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            (answers.get(i).json().get("status").asString().equals("HELD") ? held : waiting).add(i);
        }
        assertThat(held).hasSize(200);
        assertThat(waiting).hasSize(40);

        SeatWatch payments = new SeatWatch(conference, dinner, organizer);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Http.Response>> paid = new ArrayList<>();
            pool.submit(payments::run);
            for (int i : held) {
                String id = answers.get(i).json().get("id").asString();
                String subject = crowd.get(i).subject();
                paid.add(pool.submit(() -> pay(token(subject), conference, dinner, id)));
            }
            for (Future<Http.Response> payment : paid) {
                assertThat(payment.get().status()).as(payment.get().toString()).isEqualTo(200);
            }
            payments.stop();
        }
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
        assertThat(Math.max(watch.worst(), payments.worst())).isLessThanOrEqualTo(200);
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

    private List<Http.Response> rush(List<Rusher> crowd, UUID conference, UUID dinner, SeatWatch watch)
            throws Exception {
        List<Future<Http.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
            pool.submit(watch::run);
            for (Rusher rusher : crowd) {
                String token = token(rusher.subject());
                futures.add(pool.submit(() -> requestTicket(token, conference, dinner, rusher.attendeeId())));
            }
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                answers.add(future.get());
            }
            watch.stop();
            return answers;
        }
    }

    /** Reads the dinner's seats again and again while a crowd is at it, remembering the fullest it ever saw. */
    private final class SeatWatch {

        private final UUID conference;
        private final UUID dinner;
        private final String token;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger worst = new AtomicInteger();
        private final AtomicInteger samples = new AtomicInteger();

        SeatWatch(UUID conference, UUID dinner, String token) {
            this.conference = conference;
            this.dinner = dinner;
            this.token = token;
        }

        void run() {
            while (running.get()) {
                Http.Response seats = dinner(token, conference, dinner);
                int taken = seats.json().get("held").asInt() + seats.json().get("sold").asInt();
                worst.accumulateAndGet(taken, Math::max);
                samples.incrementAndGet();
            }
        }

        void stop() {
            running.set(false);
        }

        int worst() {
            return worst.get();
        }

        int samples() {
            return samples.get();
        }
    }
}
