package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.GroupCommits;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = "spring.config.name=sprints")
class SprintSignUpHttpTest extends SprintsTestSupport {

    @Test
    void a_sign_up_decided_from_a_copy_another_instance_has_moved_on_is_tried_again() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 12,
                MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        assertThat(signUp(token("ada"), conference, sprint, ada, MONDAY).status()).isEqualTo(201);
        // another instance appends to the sprint (carol signs up there), so this instance's cached copy of the sprint
        // is one event behind the store and its next append collides on the sequence number
        UUID carol = attendee(conference, "carol", "Carol");
        jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                        time_stamp, payload_type, payload_revision, payload, meta_data)
                        select ?, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type,
                               payload_revision, convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'),
                               meta_data
                        from domain_event_entry where aggregate_identifier = ?
                        order by sequence_number desc limit 1""")
                .params(UUID.randomUUID().toString(), ada.toString(), carol.toString(), sprint.toString()).update();
        UUID bob = attendee(conference, "bob", "Bob");

        Http.Response joined = signUp(token("bob"), conference, sprint, bob, MONDAY);

        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(sprint.toString()).query(Long.class).single()).isEqualTo(3L);
        assertThat(participantsOn(token("bob"), conference, sprint, MONDAY)).isEqualTo(2);
    }

    @Test
    void an_attendee_signs_up_for_some_days_and_the_board_counts_them() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 12,
                MONDAY, TUESDAY, WEDNESDAY);
        UUID ada = attendee(conference, "ada", "Ada");

        Http.Response joined = signUp(token("ada"), conference, sprint, ada, WEDNESDAY, MONDAY);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.json().get("id").asString()).isEqualTo(ada.toString());
        assertThat(joined.header("Location")).isEqualTo(participants(conference, sprint) + "/" + ada);

        JsonNode perDay = sprint(token("ada"), conference, sprint).get("participantsPerDay");
        assertThat(perDay.get(MONDAY).asInt()).isEqualTo(1);
        assertThat(perDay.get(TUESDAY).asInt()).isZero();
        assertThat(perDay.get(WEDNESDAY).asInt()).isEqualTo(1);

        Http.Response mine = http().get(joined.header("Location"), token("ada"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("name").asString()).isEqualTo("Ada");
        assertThat(mine.json().get("days").values().stream().map(JsonNode::asString).toList())
                .containsExactly(MONDAY, WEDNESDAY);
    }

    @Test
    void an_organizer_signs_an_attendee_up_but_another_attendee_may_not() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 12,
                MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        attendee(conference, "mallory", "Mallory");

        Http.Response stranger = signUp(token("mallory"), conference, sprint, ada, MONDAY);
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.problem()).isEqualTo("forbidden");
        assertThat(signUp(token("lena"), conference, sprint, ada, MONDAY).status())
                .as("leading a sprint is no licence to sign others up").isEqualTo(403);
        assertThat(participantsOn(token("ada"), conference, sprint, MONDAY)).isZero();

        signedUp(organizerToken("olivia"), conference, sprint, ada, MONDAY);
        assertThat(participantsOn(token("ada"), conference, sprint, MONDAY)).isEqualTo(1);
    }

    @Test
    void signing_up_twice_is_refused() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 12,
                MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        signedUp(token("ada"), conference, sprint, ada, MONDAY);

        Http.Response again = signUp(token("ada"), conference, sprint, ada, TUESDAY);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("already-signed-up");
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(participantsOn(token("ada"), conference, sprint, TUESDAY)).isZero();
    }

    @Test
    void a_full_day_is_refused_and_named() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 1,
                MONDAY, TUESDAY);
        signedUp(token("ada"), conference, sprint, attendee(conference, "ada", "Ada"), TUESDAY);
        UUID bob = attendee(conference, "bob", "Bob");

        Http.Response full = signUp(token("bob"), conference, sprint, bob, MONDAY, TUESDAY);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.problem()).isEqualTo("sprint-full");
        assertThat(full.json().get("day").asString()).isEqualTo(TUESDAY);
        assertThat(full.json().get("detail").asString()).contains(TUESDAY);
        assertThat(participantsOn(token("bob"), conference, sprint, MONDAY)).isZero();

        signedUp(token("bob"), conference, sprint, bob, MONDAY);
    }

    @Test
    void days_the_sprint_does_not_run_or_no_days_are_refused() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY, TUESDAY);
        UUID ada = attendee(conference, "ada", "Ada");

        for (Http.Response bad : List.of(
                signUp(token("ada"), conference, sprint, ada, MONDAY, WEDNESDAY),
                signUp(token("ada"), conference, sprint, ada),
                signUp(token("ada"), conference, sprint, ada, MONDAY, MONDAY),
                signUp(token("ada"), conference, sprint, ada, "someday"))) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.problem()).isEqualTo("validation-failed");
        }
        Http.Response noAttendee = http().post(participants(conference, sprint), token("ada"),
                Map.of("days", List.of(MONDAY)));
        assertThat(noAttendee.status()).isEqualTo(400);
        assertThat(participantsOn(token("ada"), conference, sprint, MONDAY)).isZero();
    }

    /**
     * A client that registers and at once signs up may reach sprints before registration's event does. The sign-up
     * is given replication's moment before its transaction opens (inside one the platform looks once and does not
     * wait, which would hold a pooled connection and the attendee's lock the whole time); the transaction then finds
     * the attendee.
     */
    @Test
    void an_attendee_registered_a_moment_ago_is_given_replications_moment_to_sign_up() throws Exception {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY);
        UUID[] ada = new UUID[1];

        Http.Response joined = whileTheReplicaIsBehind("known_attendee",
                () -> ada[0] = RegistrationFeed.attendeeRegistered(conference, "ada", "Ada"),
                () -> signUp(token("ada"), conference, sprint, ada[0], MONDAY));

        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(participantsOn(token("ada"), conference, sprint, MONDAY)).isEqualTo(1);
    }

    @Test
    void unregistered_attendees_cannot_sign_up() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY);
        UUID carl = attendee(conference, "carl", "Carl");
        cancelRegistration(conference, carl, "carl");

        Http.Response cancelled = signUp(token("carl"), conference, sprint, carl, MONDAY);
        assertThat(cancelled.status()).isEqualTo(422);
        assertThat(cancelled.problem()).isEqualTo("not-registered");
        Http.Response unknown = signUp(organizerToken("olivia"), conference, sprint, UUID.randomUUID(), MONDAY);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problem()).isEqualTo("not-registered");

        Http.Response unknownSprint = signUp(token("carl"), conference, UUID.randomUUID(), carl, MONDAY);
        assertThat(unknownSprint.status()).isEqualTo(404);
        assertThat(participantsOn(token("lena"), conference, sprint, MONDAY)).isZero();
    }

    @Test
    void thirty_simultaneous_signups_for_a_room_of_twelve_seat_exactly_twelve() throws Exception {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 12,
                MONDAY, TUESDAY);
        List<UUID> rushers = registeredAttendees(conference, "rusher", 30);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            for (int i = 0; i < 30; i++) {
                String token = token("rusher-" + i);
                UUID rusher = rushers.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return signUp(token, conference, sprint, rusher, MONDAY);
                }));
            }
            start.countDown();
        }
        int joined = 0;
        int full = 0;
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            if (response.status() == 201) {
                joined++;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                assertThat(response.problem()).isEqualTo("sprint-full");
                full++;
            }
        }
        assertThat(joined).isEqualTo(12);
        assertThat(full).isEqualTo(18);
        assertThat(participantsOn(token("lena"), conference, sprint, MONDAY)).isEqualTo(12);
        assertThat(http().get(participants(conference, sprint), token("lena")).json().size()).isEqualTo(12);
    }

    /**
     * Sign-ups that arrive while the sprint is busy queue for it and are then decided together, in one unit of work
     * and one commit, each with its own answer. The first sign-up holds the sprint: it waits for its attendee's lock,
     * which the test holds (as a cancellation in progress would) until the 24 after it have queued.
     */
    @Test
    void sign_ups_queued_for_a_busy_sprint_are_decided_together_each_with_its_own_answer() throws Exception {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY, TUESDAY);
        List<UUID> rushers = registeredAttendees(conference, "queued", 25);
        GroupCommits groupCommits = groupCommits();
        GroupCommits.Batches before = groupCommits.batches();

        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(rushers.size())) {
            try (GroupCommits.LockHolder cancelling = groupCommits.holdingTheLockOf(rushers.getFirst())) {
                answers.add(clients.submit(() -> signUp(token("queued-0"), conference, sprint, rushers.getFirst(),
                        MONDAY)));
                groupCommits.awaitAWaiterForALock();
                for (int i = 1; i < rushers.size(); i++) {
                    String token = token("queued-" + i);
                    UUID rusher = rushers.get(i);
                    String day = i % 2 == 0 ? MONDAY : TUESDAY;
                    answers.add(clients.submit(() -> signUp(token, conference, sprint, rusher, day)));
                }
                groupCommits.awaitQueued(rushers.size() - 1);
            }
        }

        int joined = 0;
        List<String> fullDays = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            if (response.status() == 201) {
                joined++;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                assertThat(response.problem()).isEqualTo("sprint-full");
                fullDays.add(response.json().get("day").asString());
            }
        }
        assertThat(joined).isEqualTo(10);
        assertThat(fullDays).hasSize(15);
        assertThat(fullDays.stream().filter(MONDAY::equals).count()).isEqualTo(8);
        assertThat(fullDays.stream().filter(TUESDAY::equals).count()).isEqualTo(7);
        // the first alone, then the 24 that queued behind it in one batch
        assertThat(groupCommits.batches().since(before)).isEqualTo(new GroupCommits.Batches(2, 25));
        assertThat(participantsOn(token("lena"), conference, sprint, MONDAY)).isEqualTo(5);
        assertThat(participantsOn(token("lena"), conference, sprint, TUESDAY)).isEqualTo(5);
        assertThat(jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(sprint.toString()).query(Long.class).single()).isEqualTo(10L);
    }

    /**
     * A sign-up decided in a batch is decided under its attendee's lock and checks the registration in its own
     * turn: an attendee cancelled while their sign-up waited in the queue is refused, and only they are.
     */
    @Test
    void a_sign_up_whose_registration_is_cancelled_while_it_queues_is_refused_alone() throws Exception {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 5,
                MONDAY);
        UUID ada = attendee(conference, "ada", "Ada");
        UUID bob = attendee(conference, "bob", "Bob");
        UUID carl = attendee(conference, "carl", "Carl");

        GroupCommits groupCommits = groupCommits();
        Future<Http.Response> adaJoins;
        Future<Http.Response> bobJoins;
        Future<Http.Response> carlJoins;
        try (ExecutorService clients = Executors.newFixedThreadPool(3)) {
            try (GroupCommits.LockHolder cancelling = groupCommits.holdingTheLockOf(ada)) {
                adaJoins = clients.submit(() -> signUp(token("ada"), conference, sprint, ada, MONDAY));
                groupCommits.awaitAWaiterForALock();
                bobJoins = clients.submit(() -> signUp(token("bob"), conference, sprint, bob, MONDAY));
                carlJoins = clients.submit(() -> signUp(token("carl"), conference, sprint, carl, MONDAY));
                groupCommits.awaitQueued(2);
                cancelRegistration(conference, carl, "carl");
            }
        }

        assertThat(adaJoins.get().status()).as(adaJoins.get().toString()).isEqualTo(201);
        assertThat(bobJoins.get().status()).as(bobJoins.get().toString()).isEqualTo(201);
        assertThat(carlJoins.get().status()).as(carlJoins.get().toString()).isEqualTo(422);
        assertThat(carlJoins.get().problem()).isEqualTo("not-registered");
        assertThat(participantsOn(token("lena"), conference, sprint, MONDAY)).isEqualTo(2);
    }
}
