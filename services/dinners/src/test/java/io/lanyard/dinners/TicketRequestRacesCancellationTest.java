package io.lanyard.dinners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.dinners.seating.write.TicketCancelled;
import io.lanyard.dinners.seating.write.TicketConfirmed;
import io.lanyard.dinners.seating.write.TicketExpired;
import io.lanyard.dinners.seating.write.TicketHeld;
import io.lanyard.dinners.seating.write.TicketPromoted;
import io.lanyard.dinners.seating.write.TicketWaitlisted;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;

/**
 * An attendee asks for tickets to many dinners at once, some under repeated Idempotency-Keys, and pays for the
 * holds, while registration cancels them. Whichever way the race goes, once the cancellation has been applied the
 * attendee keeps no live ticket, neither in the views nor in the dinners' own histories, and nothing of theirs can
 * be paid for.
 */
@ServiceTest(properties = "spring.config.name=dinners")
class TicketRequestRacesCancellationTest extends DinnersTestSupport {

    private static final long SEED = 13;
    private static final int ROUNDS = 8;
    private static final int DINNERS = 40;
    private static final int REQUESTERS = 16;
    private static final Set<String> LIVE = Set.of("HELD", "WAITLISTED", "CONFIRMED");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    /** One ticket request of the burst: which dinner, under which key. */
    record Request(UUID dinner, String key) {
    }

    @Test
    void a_cancelled_attendee_keeps_no_live_ticket_however_their_requests_race_the_cancellation() throws Exception {
        Random random = new Random(SEED);
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        List<UUID> dinners = new ArrayList<>();
        for (int i = 0; i < DINNERS; i++) {
            UUID dinner = createDinner(organizer, conference, i % 2 == 0 ? 50 : 1);
            if (i % 2 == 1) {
                // the only seat is taken for good, so the racing attendee waits for it
                UUID filler = attendee(conference, "filler-" + i, "Filler " + i);
                assertThat(requestTicket(token("filler-" + i), conference, dinner, filler).status()).isEqualTo(201);
            }
            dinners.add(dinner);
        }

        List<String> leaks = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            leaks.addAll(round(round, random, conference, dinners, organizer));
        }
        assertThat(leaks).as("what a cancelled attendee kept, round by round (seed " + SEED + ")").isEmpty();
    }

    private List<String> round(int round, Random random, UUID conference, List<UUID> dinners, String organizer)
            throws Exception {
        String subject = "racer-" + round;
        UUID racer = attendee(conference, subject, "Racer " + round);
        String racersToken = token(subject);

        List<Request> burst = new ArrayList<>();
        for (UUID dinner : dinners) {
            String key = "round-" + round + "-" + dinner;
            burst.add(new Request(dinner, key));
            burst.add(new Request(dinner, key));
            burst.add(new Request(dinner, key + "-again"));
        }
        Collections.shuffle(burst, random);
        int cancelAfter = random.nextInt(burst.size() / 4);

        Queue<Request> queue = new ConcurrentLinkedQueue<>(burst);
        CountDownLatch started = new CountDownLatch(cancelAfter);
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        Set<String> answeredTickets = Collections.synchronizedSet(new LinkedHashSet<>());
        Map<String, UUID> dinnerOfTicket = Collections.synchronizedMap(new HashMap<>());
        AtomicInteger refusedAsNotRegistered = new AtomicInteger();

        try (ExecutorService pool = Executors.newFixedThreadPool(REQUESTERS + 1)) {
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                started.await();
                RegistrationFeed.publish(new AttendeeCancelled(UUID.randomUUID(), conference, Instant.now(), racer,
                        subject));
                return null;
            }));
            for (int t = 0; t < REQUESTERS; t++) {
                work.add(pool.submit(() -> {
                    for (Request request = queue.poll(); request != null; request = queue.poll()) {
                        started.countDown();
                        Http.Response answer = requestTicket(racersToken, conference, request.dinner(), racer, null,
                                request.key());
                        switch (answer.status()) {
                            case 201 -> {
                                String id = answer.json().get("id").asString();
                                answeredTickets.add(id);
                                dinnerOfTicket.put(id, request.dinner());
                                if (answer.json().get("status").asString().equals("HELD")) {
                                    int paid = pay(racersToken, conference, request.dinner(), id).status();
                                    if (paid != 200 && paid != 409 && paid != 422) {
                                        unexpected.add("payment answered " + paid);
                                    }
                                }
                            }
                            case 409 -> { }
                            case 422 -> refusedAsNotRegistered.incrementAndGet();
                            default -> unexpected.add("request answered " + answer);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                attendees.find(conference, racer).map(a -> !a.active()).orElse(false));
        assertThat(unexpected).as("round " + round + ": answers other than a ticket or a refusal").isEmpty();

        List<String> leaks = new ArrayList<>();
        List<String> liveInView = jdbc.sql("""
                        select ticket_id::text || ' ' || status from dinner_ticket
                        where attendee_id = ? and status in ('HELD', 'WAITLISTED', 'CONFIRMED')""")
                .param(racer).query(String.class).list();
        if (!liveInView.isEmpty()) {
            leaks.add("round " + round + ": ticket view shows live tickets " + liveInView);
        }
        for (String ticketId : answeredTickets) {
            UUID dinner = dinnerOfTicket.get(ticketId);
            String status = ticket(organizer, conference, dinner, ticketId).json().get("status").asString();
            if (LIVE.contains(status)) {
                leaks.add("round " + round + ": GET ticket " + ticketId + " is " + status);
            }
            Http.Response payment = pay(racersToken, conference, dinner, ticketId);
            if (payment.status() == 200 || payment.status() >= 500) {
                leaks.add("round " + round + ": paying ticket " + ticketId + " answered " + payment);
            }
        }
        for (UUID dinner : new LinkedHashSet<>(dinnerOfTicket.values())) {
            Set<UUID> live = liveTicketsInHistory(dinner, racer);
            if (!live.isEmpty()) {
                leaks.add("round " + round + ": dinner " + dinner + " still counts live tickets " + live);
            }
            Http.Response guests = http().get("/conferences/" + conference + "/dinners/" + dinner + "/guests",
                    organizer);
            guests.json().get("guests").forEach(guest -> {
                if (guest.get("attendeeId").asString().equals(racer.toString())) {
                    leaks.add("round " + round + ": guest of dinner " + dinner);
                }
            });
        }
        assertThat(refusedAsNotRegistered.get() + answeredTickets.size())
                .as("round " + round + ": the burst reached the service").isPositive();
        return leaks;
    }

    /** The attendee's tickets that the dinner's own event history still has held, waitlisted or confirmed. */
    private Set<UUID> liveTicketsInHistory(UUID dinner, UUID attendee) {
        Set<UUID> live = new LinkedHashSet<>();
        DomainEventStream stream = eventStore.readEvents(dinner.toString(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            switch (message.getPayload()) {
                case TicketHeld e when e.attendeeId().equals(attendee) -> live.add(e.ticketId());
                case TicketWaitlisted e when e.attendeeId().equals(attendee) -> live.add(e.ticketId());
                case TicketPromoted e when e.attendeeId().equals(attendee) -> live.add(e.ticketId());
                case TicketConfirmed e when e.attendeeId().equals(attendee) -> live.add(e.ticketId());
                case TicketExpired e when e.attendeeId().equals(attendee) -> live.remove(e.ticketId());
                case TicketCancelled e when e.attendeeId().equals(attendee) -> live.remove(e.ticketId());
                default -> { }
            }
        }
        return live;
    }
}
