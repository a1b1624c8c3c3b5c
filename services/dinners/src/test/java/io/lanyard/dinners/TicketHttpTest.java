package io.lanyard.dinners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.dinners.DinnerTicketCancelled;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = "spring.config.name=dinners")
class TicketHttpTest extends DinnersTestSupport {

    @Autowired
    AttendeeLocks attendeeLocks;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    /**
     * The command bus takes the attendee's lock before the dinner decides (the lock a cancellation of the
     * registration takes first): a request made while someone holds it waits for them.
     */
    @Test
    void a_ticket_request_waits_for_the_attendees_lock_before_the_dinner_decides() throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        UUID erin = attendee(conference, "erin", "Erin");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(
                    status -> {
                        attendeeLocks.lock(erin);
                        held.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Http.Response> request = pool.submit(() -> requestTicket(token("erin"), conference, dinner, erin));
            await().atMost(Duration.ofSeconds(30)).until(() -> request.isDone() || waitingForAnAdvisoryLock());
            assertThat(request.isDone()).as("the request went ahead while the attendee's lock was held").isFalse();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            Http.Response answer = request.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    /** A transaction of this database queues for a transaction-scoped advisory lock (the attendee's). */
    private boolean waitingForAnAdvisoryLock() {
        return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                .query(Long.class).single() > 0;
    }

    @Test
    void a_registered_attendee_holds_a_free_seat_until_the_hold_expires() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        UUID alice = attendee(conference, "alice", "Alice");

        Instant before = Instant.now();
        Http.Response held = requestTicket(token("alice"), conference, dinner, alice, "vegetarian", null);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        String id = held.json().get("id").asString();
        assertThat(held.json().get("status").asString()).isEqualTo("HELD");
        assertThat(Instant.parse(held.json().get("holdExpiresAt").asString()))
                .isCloseTo(before.plus(Duration.ofMinutes(15)), within(30, ChronoUnit.SECONDS));
        assertThat(held.header("Location")).isEqualTo(tickets(conference, dinner) + "/" + id);

        Http.Response mine = ticket(token("alice"), conference, dinner, id);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("id").asString()).isEqualTo(id);
        assertThat(mine.json().get("attendeeId").asString()).isEqualTo(alice.toString());
        assertThat(mine.json().get("status").asString()).isEqualTo("HELD");
        assertThat(mine.json().get("holdExpiresAt").asString()).isEqualTo(held.json().get("holdExpiresAt").asString());
        assertThat(mine.json().get("dietaryRequirements").get(0).asString()).isEqualTo("vegetarian");
        assertThat(ticket(organizer, conference, dinner, id).status()).isEqualTo(200);

        Http.Response seats = dinner(token("bob"), conference, dinner);
        assertThat(seats.json().get("held").asInt()).isEqualTo(1);
        assertThat(seats.json().get("available").asInt()).isEqualTo(9);
    }

    @Test
    void when_every_seat_is_taken_requests_wait_in_arrival_order() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID carol = attendee(conference, "carol", "Carol");

        assertThat(requestTicket(token("alice"), conference, dinner, alice).json().get("status").asString())
                .isEqualTo("HELD");
        Http.Response second = requestTicket(token("bob"), conference, dinner, bob);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(second.json().has("holdExpiresAt")).isFalse();
        Http.Response third = requestTicket(organizer, conference, dinner, carol);
        assertThat(third.json().get("status").asString()).isEqualTo("WAITLISTED");

        Http.Response bobs = ticket(token("bob"), conference, dinner, second.json().get("id").asString());
        assertThat(bobs.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(bobs.json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(ticket(token("carol"), conference, dinner, third.json().get("id").asString())
                .json().get("waitlistPosition").asInt()).isEqualTo(2);

        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("held").asInt()).isEqualTo(1);
        assertThat(seats.json().get("available").asInt()).isZero();
        assertThat(seats.json().get("waitlisted").asInt()).isEqualTo(2);
    }

    @Test
    void an_attendee_has_one_live_ticket_per_dinner() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        UUID alice = attendee(conference, "alice", "Alice");
        assertThat(requestTicket(token("alice"), conference, dinner, alice).status()).isEqualTo(201);

        Http.Response again = requestTicket(organizer, conference, dinner, alice);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("already-has-ticket");
        assertThat(dinner(organizer, conference, dinner).json().get("held").asInt()).isEqualTo(1);
    }

    @Test
    void unknown_and_cancelled_attendees_are_not_registered() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        Http.Response unknown = requestTicket(organizer, conference, dinner, UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problem()).isEqualTo("not-registered");

        UUID dave = attendee(conference, "dave", "Dave");
        cancelRegistration(conference, dave, "dave");
        Http.Response cancelled = requestTicket(token("dave"), conference, dinner, dave);
        assertThat(cancelled.status()).isEqualTo(422);
        assertThat(cancelled.problem()).isEqualTo("not-registered");
        assertThat(dinner(organizer, conference, dinner).json().get("held").asInt()).isZero();
    }

    @Test
    void only_the_attendee_or_an_organizer_may_act_for_a_ticket() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        UUID alice = attendee(conference, "alice", "Alice");
        attendee(conference, "mallory", "Mallory");

        Http.Response forSomeoneElse = requestTicket(token("mallory"), conference, dinner, alice);
        assertThat(forSomeoneElse.status()).isEqualTo(403);
        assertThat(forSomeoneElse.problem()).isEqualTo("forbidden");
        assertThat(requestTicket(organizerToken("oscar"), conference, dinner, alice).status()).isEqualTo(403);

        String id = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        assertThat(ticket(token("mallory"), conference, dinner, id).status()).isEqualTo(403);
        assertThat(pay(token("mallory"), conference, dinner, id).status()).isEqualTo(403);
        assertThat(cancel(token("mallory"), conference, dinner, id).status()).isEqualTo(403);
        assertThat(ticket(null, conference, dinner, id).status()).isEqualTo(401);
        assertThat(ticket(token("alice"), conference, dinner, id).json().get("status").asString()).isEqualTo("HELD");
    }

    @Test
    void unknown_dinners_and_tickets_are_not_found() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        UUID alice = attendee(conference, "alice", "Alice");
        Http.Response noDinner = requestTicket(token("alice"), conference, UUID.randomUUID(), alice);
        assertThat(noDinner.status()).isEqualTo(404);
        assertThat(noDinner.problem()).isEqualTo("not-found");

        String unknown = UUID.randomUUID().toString();
        assertThat(ticket(organizer, conference, dinner, unknown).status()).isEqualTo(404);
        assertThat(pay(organizer, conference, dinner, unknown).status()).isEqualTo(404);
        assertThat(cancel(organizer, conference, dinner, unknown).status()).isEqualTo(404);
        String id = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        UUID otherDinner = createDinner(organizer, conference, 10);
        assertThat(ticket(organizer, conference, otherDinner, id).status()).isEqualTo(404);
    }

    @Test
    void bad_ticket_requests_are_answered_with_a_problem_and_change_nothing() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        UUID alice = attendee(conference, "alice", "Alice");
        String path = tickets(conference, dinner);

        assertThat(http().post(path, token("alice"), Map.of()).problem()).isEqualTo("validation-failed");
        assertThat(http().post(path, token("alice"), Map.of("attendeeId", "nope")).status()).isEqualTo(400);
        Http.Response badDiet = requestTicket(token("alice"), conference, dinner, alice, 42, null);
        assertThat(badDiet.status()).isEqualTo(400);
        assertThat(badDiet.problem()).isEqualTo("validation-failed");
        assertThat(badDiet.body()).contains("dietaryRequirements");
        assertThat(requestTicket(token("alice"), conference, dinner, alice, List.of("vegan", 7), null).status())
                .isEqualTo(400);
        assertThat(requestTicket(token("alice"), conference, dinner, alice, null, " ").status()).isEqualTo(400);
        assertThat(dinner(organizer, conference, dinner).json().get("held").asInt()).isZero();

        String id = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        Http.Response noReference = http().post(path + "/" + id + "/payment", token("alice"), Map.of());
        assertThat(noReference.status()).isEqualTo(400);
        assertThat(noReference.problem()).isEqualTo("validation-failed");
        assertThat(ticket(token("alice"), conference, dinner, id).json().get("status").asString()).isEqualTo("HELD");
    }

    @Test
    void paying_for_a_held_ticket_confirms_it() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        String id = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        String waiting = requestTicket(token("bob"), conference, dinner, bob).json().get("id").asString();

        Http.Response paid = pay(token("alice"), conference, dinner, id);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(ticket(token("alice"), conference, dinner, id).json().get("status").asString())
                .isEqualTo("CONFIRMED");
        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("held").asInt()).isZero();
        assertThat(seats.json().get("sold").asInt()).isEqualTo(1);
        assertThat(seats.json().get("available").asInt()).isZero();

        assertThat(pay(token("alice"), conference, dinner, id).status()).as("a repeated callback").isEqualTo(200);
        Http.Response otherReference = http().post(tickets(conference, dinner) + "/" + id + "/payment",
                token("alice"), Map.of("paymentReference", "a second payment"));
        assertThat(otherReference.status()).isEqualTo(409);
        assertThat(otherReference.problem()).isEqualTo("already-paid");
        Http.Response notHeld = pay(token("bob"), conference, dinner, waiting);
        assertThat(notHeld.status()).isEqualTo(409);
        assertThat(notHeld.problem()).isEqualTo("ticket-not-held");
    }

    @Test
    void a_cancelled_seat_goes_to_the_first_waitlisted_request_with_a_fresh_hold() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID carol = attendee(conference, "carol", "Carol");
        String alices = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        String bobs = requestTicket(token("bob"), conference, dinner, bob).json().get("id").asString();
        String carols = requestTicket(token("carol"), conference, dinner, carol).json().get("id").asString();

        Instant before = Instant.now();
        assertThat(cancel(token("alice"), conference, dinner, alices).status()).isEqualTo(204);

        assertThat(ticket(token("alice"), conference, dinner, alices).json().get("status").asString())
                .isEqualTo("CANCELLED");
        Http.Response promoted = ticket(token("bob"), conference, dinner, bobs);
        assertThat(promoted.json().get("status").asString()).isEqualTo("HELD");
        assertThat(Instant.parse(promoted.json().get("holdExpiresAt").asString()))
                .isCloseTo(before.plus(Duration.ofMinutes(15)), within(30, ChronoUnit.SECONDS));
        Http.Response stillWaiting = ticket(token("carol"), conference, dinner, carols);
        assertThat(stillWaiting.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(stillWaiting.json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(cancel(token("alice"), conference, dinner, alices).status()).as("again").isEqualTo(204);

        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("held").asInt()).isEqualTo(1);
        assertThat(seats.json().get("waitlisted").asInt()).isEqualTo(1);
        Http.Response again = requestTicket(token("alice"), conference, dinner, alice);
        assertThat(again.json().get("status").asString()).as("a new request after cancelling").isEqualTo("WAITLISTED");
    }

    @Test
    void a_paid_ticket_cancelled_is_marked_for_refund() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 5);
        UUID alice = attendee(conference, "alice", "Alice");
        String id = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        assertThat(pay(token("alice"), conference, dinner, id).status()).isEqualTo(200);

        assertThat(cancel(organizer, conference, dinner, id).status()).isEqualTo(204);
        Http.Response cancelled = ticket(token("alice"), conference, dinner, id);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("refundDue").asBoolean()).isTrue();
        assertThat(dinner(organizer, conference, dinner).json().get("sold").asInt()).isZero();
        Http.Response payAgain = pay(token("alice"), conference, dinner, id);
        assertThat(payAgain.status()).isEqualTo(409);
        assertThat(payAgain.problem()).isEqualTo("ticket-cancelled");
    }

    @Test
    void owners_may_not_cancel_after_the_cutoff_but_organizers_may() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 5);
        UUID alice = attendee(conference, "alice", "Alice");
        clockAt(CONFERENCE_EVENING.minusHours(30));
        String id = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        assertThat(pay(token("alice"), conference, dinner, id).status()).isEqualTo(200);

        Http.Response closed = cancel(token("alice"), conference, dinner, id);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.problem()).isEqualTo("cancellation-closed");
        assertThat(ticket(token("alice"), conference, dinner, id).json().get("status").asString())
                .isEqualTo("CONFIRMED");

        assertThat(cancel(organizer, conference, dinner, id).status()).isEqualTo(204);
        assertThat(ticket(token("alice"), conference, dinner, id).json().get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void a_retried_request_with_the_same_idempotency_key_gets_the_first_answer() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");

        Http.Response first = requestTicket(token("alice"), conference, dinner, alice, null, "alice-1");
        Http.Response retry = requestTicket(token("alice"), conference, dinner, alice, null, "alice-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.json().get("status").asString()).isEqualTo("HELD");
        assertThat(retry.json().get("holdExpiresAt").asString())
                .isEqualTo(first.json().get("holdExpiresAt").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

        Http.Response anotherKey = requestTicket(token("alice"), conference, dinner, alice, null, "alice-2");
        assertThat(anotherKey.problem()).isEqualTo("already-has-ticket");

        Http.Response waiting = requestTicket(token("bob"), conference, dinner, bob, null, "alice-1");
        assertThat(waiting.json().get("status").asString()).as("a key belongs to its caller").isEqualTo("WAITLISTED");
        assertThat(dinner(organizer, conference, dinner).json().get("held").asInt()).isEqualTo(1);
    }

    @Test
    void simultaneous_retries_with_one_idempotency_key_create_one_ticket() throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 5);
        UUID alice = attendee(conference, "alice", "Alice");
        String alicesToken = token("alice");

        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() ->
                        requestTicket(alicesToken, conference, dinner, alice, "vegan", "retry-me")));
            }
        }
        List<String> ids = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            ids.add(response.json().get("id").asString());
        }
        assertThat(ids).containsOnly(ids.getFirst());
        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("held").asInt()).isEqualTo(1);
        assertThat(seats.json().get("waitlisted").asInt()).isZero();
    }

    @Test
    void a_registration_cancelled_in_registration_frees_the_seat_for_the_waiting_list() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        String alices = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        assertThat(pay(token("alice"), conference, dinner, alices).status()).isEqualTo(200);
        String bobs = requestTicket(token("bob"), conference, dinner, bob).json().get("id").asString();

        cancelRegistration(conference, alice, "alice");

        Http.Response cancelled = ticket(organizer, conference, dinner, alices);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("refundDue").asBoolean()).isTrue();
        assertThat(ticket(token("bob"), conference, dinner, bobs).json().get("status").asString()).isEqualTo("HELD");
        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("sold").asInt()).isZero();
        assertThat(seats.json().get("held").asInt()).isEqualTo(1);
        assertThat(seats.json().get("waitlisted").asInt()).isZero();
    }

    @Test
    void from_the_dinners_start_no_ticket_is_sold_or_paid_for_and_a_freed_seat_goes_to_nobody() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID carol = attendee(conference, "carol", "Carol");
        clockAt(CONFERENCE_EVENING.minusMinutes(10));
        String alices = requestTicket(token("alice"), conference, dinner, alice).json().get("id").asString();
        String bobs = requestTicket(token("bob"), conference, dinner, bob).json().get("id").asString();
        assertThat(status(token("bob"), conference, dinner, bobs)).isEqualTo("WAITLISTED");

        clockAt(CONFERENCE_EVENING);
        Http.Response request = requestTicket(token("carol"), conference, dinner, carol);
        assertThat(request.status()).as(request.toString()).isEqualTo(409);
        assertThat(request.problem()).isEqualTo("dinner-started");
        Http.Response payment = pay(token("alice"), conference, dinner, alices);
        assertThat(payment.status()).as(payment.toString()).isEqualTo(409);
        assertThat(payment.problem()).isEqualTo("dinner-started");
        assertThat(status(token("alice"), conference, dinner, alices)).isEqualTo("HELD");

        assertThat(cancel(organizer, conference, dinner, alices).status()).isEqualTo(204);
        assertThat(status(token("bob"), conference, dinner, bobs)).as("nobody is promoted").isEqualTo("WAITLISTED");
        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("held").asInt()).isZero();
        assertThat(seats.json().get("sold").asInt()).isZero();
        assertThat(seats.json().get("waitlisted").asInt()).isEqualTo(1);
    }

    @Test
    void a_cancelled_registration_withdraws_tickets_as_the_same_caller_cancelling_them_then_would() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 3);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID carol = attendee(conference, "carol", "Carol");
        UUID dave = attendee(conference, "dave", "Dave");
        String alices = paidTicket(conference, dinner, alice, "alice", null);
        String bobs = paidTicket(conference, dinner, bob, "bob", null);
        String carols = paidTicket(conference, dinner, carol, "carol", null);
        String daves = requestTicket(token("dave"), conference, dinner, dave).json().get("id").asString();
        Instant afterTheCutoff = CONFERENCE_EVENING.minusHours(47).toInstant();
        Instant afterTheStart = CONFERENCE_EVENING.plusHours(1).toInstant();

        try (PublishedEvents published = new PublishedEvents()) {
            cancelRegistration(conference, alice, "alice", afterTheCutoff, AttendeeCancelled.Canceller.OWNER);
            cancelRegistration(conference, bob, "bob", afterTheCutoff, AttendeeCancelled.Canceller.ORGANIZER);
            cancelRegistration(conference, carol, "carol", afterTheStart, AttendeeCancelled.Canceller.OWNER);

            Http.Response owners = ticket(organizer, conference, dinner, alices);
            assertThat(owners.json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(owners.json().get("refundDue").asBoolean()).as("the owner, past the cut-off").isFalse();
            assertThat(status(token("dave"), conference, dinner, daves)).as("the freed seat").isEqualTo("HELD");
            Http.Response organizers = ticket(organizer, conference, dinner, bobs);
            assertThat(organizers.json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(organizers.json().get("refundDue").asBoolean()).as("an organizer's").isTrue();
            assertThat(status(organizer, conference, dinner, carols)).as("the dinner had begun").isEqualTo("CONFIRMED");
            Http.Response seats = dinner(organizer, conference, dinner);
            assertThat(seats.json().get("sold").asInt()).isEqualTo(1);
            assertThat(seats.json().get("held").asInt()).isEqualTo(1);
            assertThat(seats.json().get("waitlisted").asInt()).isZero();

            List<IntegrationEvent> events = published.awaitUntil(seen -> refundDue(seen, alices) != null
                    && refundDue(seen, bobs) != null);
            assertThat(refundDue(events, alices)).isFalse();
            assertThat(refundDue(events, bobs)).isTrue();
            assertThat(refundDue(events, carols)).isNull();
        }
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused_and_changes_nothing() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 5);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        Http.Response first = requestTicket(organizer, conference, dinner, alice, "vegetarian", "desk-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String alices = first.json().get("id").asString();

        Http.Response forBob = requestTicket(organizer, conference, dinner, bob, "vegetarian", "desk-1");
        assertThat(forBob.status()).as(forBob.toString()).isEqualTo(422);
        assertThat(forBob.problem()).isEqualTo("idempotency-key-reused");
        Http.Response otherDiet = requestTicket(organizer, conference, dinner, alice, "vegan", "desk-1");
        assertThat(otherDiet.status()).isEqualTo(422);
        assertThat(otherDiet.problem()).isEqualTo("idempotency-key-reused");

        Http.Response seats = dinner(organizer, conference, dinner);
        assertThat(seats.json().get("held").asInt()).as("bob got no ticket").isEqualTo(1);
        assertThat(seats.json().get("waitlisted").asInt()).isZero();
        Http.Response mine = ticket(organizer, conference, dinner, alices);
        assertThat(mine.json().get("status").asString()).isEqualTo("HELD");
        assertThat(mine.json().get("holdExpiresAt").asString()).isEqualTo(first.json().get("holdExpiresAt").asString());
        assertThat(mine.json().get("dietaryRequirements").size()).isEqualTo(1);
        assertThat(mine.json().get("dietaryRequirements").get(0).asString()).isEqualTo("vegetarian");

        String sameBodyOtherwiseWritten = "{ \"dietaryRequirements\" : [\" vegetarian \", \"\", \"vegetarian\"],\n"
                + "  \"attendeeId\" : \"" + alice + "\" }";
        Http.Response retry = http().send("POST", tickets(conference, dinner), organizer, sameBodyOtherwiseWritten,
                Map.of("Idempotency-Key", "desk-1"));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(alices);
        assertThat(retry.json().get("holdExpiresAt").asString())
                .isEqualTo(first.json().get("holdExpiresAt").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

        Http.Response bobsOwn = requestTicket(organizer, conference, dinner, bob, null, "desk-2");
        assertThat(bobsOwn.json().get("status").asString()).as("bob asks again, under a key of his own")
                .isEqualTo("HELD");
    }

    @Test
    void simultaneous_requests_for_different_attendees_under_one_key_make_one_ticket() throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(attendee(conference, "guest-" + i, "Guest " + i));
        }

        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(people.size())) {
            for (UUID person : people) {
                answers.add(pool.submit(() -> requestTicket(organizer, conference, dinner, person, null, "desk-rush")));
            }
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            outcomes.add(response.status() + " " + (response.status() == 201 ? "" : response.problem()));
        }
        assertThat(outcomes).containsOnlyOnce("201 ").filteredOn(o -> !o.equals("201 "))
                .containsOnly("422 idempotency-key-reused");
        assertThat(dinner(organizer, conference, dinner).json().get("held").asInt()).isEqualTo(1);
    }

    /**
     * A client registers and at once asks for a ticket: the request is on its way before registration's event has
     * reached this service, and is served once replication has caught up (round after round, so that the request
     * overtakes the event in most of them).
     */
    @Test
    void a_ticket_asked_for_while_the_registration_is_still_on_its_way_is_served() throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 30);
        List<String> answers = new ArrayList<>();
        try (ExecutorService client = Executors.newSingleThreadExecutor()) {
            for (int i = 0; i < 20; i++) {
                UUID newcomer = UUID.randomUUID();
                String subject = "newcomer-" + i;
                String newcomersToken = token(subject);
                Future<Http.Response> request = client.submit(() ->
                        requestTicket(newcomersToken, conference, dinner, newcomer));
                RegistrationFeed.publish(new AttendeeRegistered(UUID.randomUUID(), conference, Instant.now(),
                        newcomer, subject, "Newcomer " + i, UUID.randomUUID()));
                Http.Response answer = request.get();
                answers.add(answer.status() + (answer.status() == 201 ? "" : " " + answer.problem()));
            }
        }
        assertThat(answers).containsOnly("201");
        assertThat(dinner(organizer, conference, dinner).json().get("held").asInt()).isEqualTo(20);
    }

    @Test
    void the_guest_list_shows_paid_guests_with_a_dietary_summary() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        UUID alice = attendee(conference, "alice", "Alice");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID carol = attendee(conference, "carol", "Carol");
        UUID dave = attendee(conference, "dave", "Dave");
        paidTicket(conference, dinner, alice, "alice", List.of("vegetarian", " no nuts ", "vegetarian"));
        paidTicket(conference, dinner, bob, "bob", "vegetarian");
        paidTicket(conference, dinner, carol, "carol", null);
        requestTicket(token("dave"), conference, dinner, dave, "vegan", null);

        Http.Response list = http().get("/conferences/" + conference + "/dinners/" + dinner + "/guests", organizer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("guests").size()).isEqualTo(3);
        assertThat(list.json().get("guests").get(0).get("name").asString()).isEqualTo("Alice");
        assertThat(list.json().get("guests").get(0).get("dietaryRequirements").size()).isEqualTo(2);
        assertThat(list.json().get("guests").get(0).get("dietaryRequirements").get(1).asString()).isEqualTo("no nuts");
        assertThat(list.json().get("dietarySummary").get("vegetarian").asInt()).isEqualTo(2);
        assertThat(list.json().get("dietarySummary").get("no nuts").asInt()).isEqualTo(1);
        assertThat(list.json().get("dietarySummary").has("vegan")).as("an unpaid hold is no guest").isFalse();
        assertThat(list.json().get("dietarySummary").size()).isEqualTo(2);

        assertThat(http().get("/conferences/" + conference + "/dinners/" + dinner + "/guests", token("alice"))
                .status()).isEqualTo(403);
        assertThat(http().get("/conferences/" + conference + "/dinners/" + UUID.randomUUID() + "/guests", organizer)
                .status()).isEqualTo(404);
    }

    private String paidTicket(UUID conference, UUID dinner, UUID attendee, String subject, Object dietary) {
        Http.Response held = requestTicket(token(subject), conference, dinner, attendee, dietary, null);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        String id = held.json().get("id").asString();
        assertThat(pay(token(subject), conference, dinner, id).status()).isEqualTo(200);
        return id;
    }

    /** The published cancellation's {@code refundDue} for the ticket, or null if none was published yet. */
    private static Boolean refundDue(List<IntegrationEvent> events, String ticketId) {
        return events.stream()
                .filter(e -> e instanceof DinnerTicketCancelled c && c.ticketId().toString().equals(ticketId))
                .map(e -> ((DinnerTicketCancelled) e).refundDue())
                .findFirst().orElse(null);
    }

    private String status(String token, UUID conference, UUID dinner, String ticketId) {
        return ticket(token, conference, dinner, ticketId).json().get("status").asString();
    }
}
