package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.sprints.SprintAnnounced;
import io.lanyard.kernel.events.sprints.SprintAttendanceRecorded;
import io.lanyard.kernel.events.sprints.SprintParticipantJoined;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.sprints.sprint.write.LeaveReason;
import io.lanyard.sprints.sprint.write.ParticipantLeft;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = "spring.config.name=sprints")
class SprintKafkaHttpTest extends SprintsTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AttendeeLocks locks;

    @Autowired
    EventStore eventStore;

    @Test
    void a_cancelled_registration_leaves_every_sprint_of_the_conference() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID cpython = announced(token("lena"), conference, lena, 5, MONDAY, TUESDAY);
        UUID numpy = announced(token("lena"), conference, lena, 5, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        UUID bob = attendee(conference, "bob", "Bob");
        signedUp(token("ada"), conference, cpython, ada, MONDAY, TUESDAY);
        signedUp(token("ada"), conference, numpy, ada, TUESDAY);
        signedUp(token("bob"), conference, cpython, bob, MONDAY);

        cancelRegistration(conference, ada, "ada");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(participantsOn(token("lena"), conference, cpython, MONDAY)).isEqualTo(1);
            assertThat(participantsOn(token("lena"), conference, cpython, TUESDAY)).isZero();
            assertThat(participantsOn(token("lena"), conference, numpy, TUESDAY)).isZero();
        });
        Http.Response list = http().get(participants(conference, cpython), token("lena"));
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).get("attendeeId").asString()).isEqualTo(bob.toString());
        assertThat(signUp(token("ada"), conference, numpy, ada, TUESDAY).problem()).isEqualTo("not-registered");
    }

    /**
     * Cancelled by the attendee on Monday afternoon, and reaching sprints only on Tuesday morning: as of the
     * cancellation Monday had begun (and Ada came), so her Monday stays as it is on the list and on the board;
     * Tuesday had not, so its seat is free again, and a sprint that runs only on Tuesday she leaves altogether.
     */
    @Test
    void a_registration_cancelled_during_the_sprints_leaves_only_the_days_that_had_not_begun() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID cpython = announced(token("lena"), conference, lena, 1, MONDAY, TUESDAY);
        UUID numpy = announced(token("lena"), conference, lena, 5, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        UUID bob = attendee(conference, "bob", "Bob");
        signedUp(token("ada"), conference, cpython, ada, MONDAY, TUESDAY);
        signedUp(token("ada"), conference, numpy, ada, TUESDAY);
        clockAt(MONDAY, 9);
        assertThat(http().post(participants(conference, cpython) + "/" + ada + "/attendance", token("lena"),
                Map.of("day", MONDAY)).status()).isEqualTo(204);
        Instant mondayAfternoon = LocalDate.parse(MONDAY).atTime(15, 0).atZone(CONFERENCE_ZONE).toInstant();
        clockAt(TUESDAY, 9);

        RegistrationFeed.publish(new AttendeeCancelled(UUID.randomUUID(), conference, mondayAfternoon, ada, "ada",
                AttendeeCancelled.Canceller.OWNER));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(participantsOn(token("lena"), conference, cpython, TUESDAY)).isZero();
            assertThat(participantsOn(token("lena"), conference, numpy, TUESDAY)).isZero();
        });
        assertThat(participantsOn(token("lena"), conference, cpython, MONDAY)).isEqualTo(1);
        Http.Response kept = http().get(participants(conference, cpython), token("lena"));
        assertThat(kept.json().size()).as(kept.toString()).isEqualTo(1);
        assertThat(kept.json().get(0).get("attendeeId").asString()).isEqualTo(ada.toString());
        assertThat(kept.json().get(0).get("days").values().stream().map(JsonNode::asString).toList())
                .containsExactly(MONDAY);
        assertThat(kept.json().get(0).get("attendedDays").values().stream().map(JsonNode::asString).toList())
                .containsExactly(MONDAY);
        assertThat(http().get(participants(conference, numpy), token("lena")).json().size()).isZero();
        assertThat(signUp(token("bob"), conference, cpython, bob, MONDAY).problem()).isEqualTo("sprint-full");
        signedUp(token("bob"), conference, cpython, bob, TUESDAY);
    }

    /**
     * The attendee gave their place up when registration cancelled them, not when the cancellation reached sprints:
     * one that arrives late (Kafka was down, a dead letter was replayed) leaves as of its own time.
     */
    @Test
    void a_late_cancellation_leaves_the_sprint_as_of_the_cancellation() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, MONDAY);
        Instant cancelledAt = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MILLIS);

        RegistrationFeed.publish(new AttendeeCancelled(UUID.randomUUID(), conference, cancelledAt, ada, "ada"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> participantsOn(token("lena"), conference, sprint, MONDAY) == 0);
        DomainEventStream stream = eventStore.readEvents(sprint.toString());
        Object last = null;
        while (stream.hasNext()) {
            last = stream.next().getPayload();
        }
        assertThat(last).isEqualTo(new ParticipantLeft(sprint, conference, ada, LeaveReason.REGISTRATION_CANCELLED,
                "registration", cancelledAt));
    }

    /**
     * A cancellation being applied (the replica updated, the sprints not yet searched) while a sign-up of the same
     * attendee comes in: the sign-up waits for the attendee's lock, then sees the cancellation and is refused.
     * Without the lock it would read the attendee as still registered and keep a place nobody will free.
     */
    @Test
    void a_signup_racing_a_cancellation_waits_for_it_and_is_refused() throws Exception {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");

        TransactionStatus cancellation = transactions.getTransaction(TransactionDefinition.withDefaults());
        Future<Http.Response> answer;
        try (ExecutorService client = Executors.newSingleThreadExecutor()) {
            try {
                attendees.cancelled(ada);
                locks.lock(ada);
                answer = client.submit(() -> signUp(token("ada"), conference, sprint, ada, MONDAY));
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                                select count(*) from pg_locks where locktype = 'advisory' and not granted""")
                        .query(Long.class).single() > 0);
                assertThat(answer).isNotDone();
            } finally {
                transactions.commit(cancellation);
            }
            Http.Response refused = answer.get();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.problem()).isEqualTo("not-registered");
        }
        assertThat(participantsOn(token("lena"), conference, sprint, MONDAY)).isZero();
    }

    @Test
    void sprint_facts_reach_lanyard_sprints_v1_for_the_itinerary() {
        UUID conference = conference("olivia");
        UUID lena = attendee(conference, "lena", "Lena Leader");
        UUID sprint = announced(token("lena"), conference, lena, 5, MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, TUESDAY, MONDAY);
        clockAt(MONDAY, 9);
        assertThat(http().post(participants(conference, sprint) + "/" + ada + "/attendance", token("lena"),
                Map.of("day", MONDAY)).status()).isEqualTo(204);
        assertThat(http().delete(participants(conference, sprint) + "/" + ada, token("ada")).status()).isEqualTo(204);

        List<IntegrationEvent> published = publishedFor(conference, events -> events.size() >= 4);

        LocalDate monday = LocalDate.parse(MONDAY);
        LocalDate tuesday = LocalDate.parse(TUESDAY);
        assertThat(published).hasSize(4);
        assertThat(published.get(0)).isInstanceOfSatisfying(SprintAnnounced.class, e -> {
            assertThat(e.sprintId()).isEqualTo(sprint);
            assertThat(e.project()).isEqualTo("CPython");
            assertThat(e.leaderAttendeeId()).isEqualTo(lena);
            assertThat(e.days()).containsExactly(monday, tuesday);
            assertThat(e.capacity()).isEqualTo(5);
        });
        assertThat(published.get(1)).isInstanceOfSatisfying(SprintParticipantJoined.class, e -> {
            assertThat(e.sprintId()).isEqualTo(sprint);
            assertThat(e.attendeeId()).isEqualTo(ada);
            assertThat(e.days()).containsExactly(monday, tuesday);
        });
        assertThat(published.get(2)).isInstanceOfSatisfying(SprintAttendanceRecorded.class, e -> {
            assertThat(e.attendeeId()).isEqualTo(ada);
            assertThat(e.day()).isEqualTo(monday);
        });
        assertThat(published.get(3)).isInstanceOfSatisfying(SprintParticipantLeft.class,
                e -> assertThat(e.attendeeId()).isEqualTo(ada));
        assertThat(published).allSatisfy(e -> assertThat(e.conferenceId()).isEqualTo(conference));
        assertThat(published.stream().map(IntegrationEvent::eventId).distinct()).hasSize(4);
    }
}
