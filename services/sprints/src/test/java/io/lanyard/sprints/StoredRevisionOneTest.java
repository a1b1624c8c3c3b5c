package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.sprints.SprintAnnounced;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Sprints announced before {@code SprintAnnounced} revision 2, stored as that version of the service wrote them:
 * no payload revision and the room's size under {@code capacity}. The upcaster must rename it for the aggregate,
 * the read model and the publisher alike, and a snapshot of the old {@code Sprint} must be passed over, not read.
 * Same properties as {@link SnapshotLoadingTest}: no aggregate cache, a snapshot every three events.
 */
@ServiceTest(properties = {"spring.config.name=sprints", "lanyard.axon.snapshot-threshold=3",
        "lanyard.axon.cache-aggregates=false"})
class StoredRevisionOneTest extends SprintsTestSupport {

    private static final String ANNOUNCED_V1 = """
            {"sprintId":"%s","conferenceId":"%s","project":"CPython","description":"Triage issues, review pull \
            requests","leaderAttendeeId":"%s","capacity":%d,"days":[%s],"announcedBy":"olivia",\
            "announcedAt":"2027-05-10T09:00:00.123456789Z"}""";
    private static final String SIGNED_UP_V1 = """
            {"sprintId":"%s","conferenceId":"%s","attendeeId":"%s","days":["%s"],"signedUpBy":"someone",\
            "signedUpAt":"2027-05-11T10:00:00.5Z"}""";
    /** The Sprint aggregate as the snapshotter wrote it before revision 2: its fields in alphabetical order. */
    private static final String SNAPSHOT_V1 = """
            {"attendedDays":{%s},"capacity":%d,"conferenceId":"%s","days":["%s"],"signedUpDays":{%s},\
            "sprintId":"%s"}""";

    @Test
    void a_sprint_announced_before_revision_2_is_rebuilt_in_the_read_model_and_still_fills_its_room() {
        UUID conference = conference("ursula");
        UUID leader = attendee(conference, "ulla", "Ulla");
        UUID uma = attendee(conference, "uma", "Uma");
        UUID sprint = UUID.randomUUID();
        storeEvent(sprint, 0, "SprintAnnounced",
                ANNOUNCED_V1.formatted(sprint, conference, leader, 2, quoted(MONDAY) + "," + quoted(TUESDAY)));
        storeEvent(sprint, 1, "ParticipantSignedUp", SIGNED_UP_V1.formatted(sprint, conference, uma, MONDAY));

        replaySprintView();
        JsonNode listed = sprint(token("uma"), conference, sprint);
        assertThat(listed.get("capacity").asInt()).isEqualTo(2);
        assertThat(listed.get("participantsPerDay").get(MONDAY).asInt()).isEqualTo(1);
        assertThat(listed.get("participantsPerDay").get(TUESDAY).asInt()).isZero();

        signedUp(token("vic"), conference, sprint, attendee(conference, "vic", "Vic"), MONDAY);
        UUID wes = attendee(conference, "wes", "Wes");
        Http.Response full = signUp(token("wes"), conference, sprint, wes, MONDAY);
        assertThat(full.problem()).as(full.toString()).isEqualTo("sprint-full");
        assertThat(full.json().get("day").asString()).isEqualTo(MONDAY);
        signedUp(token("wes"), conference, sprint, wes, TUESDAY);
        assertThat(participantsOn(token("wes"), conference, sprint, MONDAY)).isEqualTo(2);

        assertThat(publishedAnnouncement(conference, sprint).capacity()).isEqualTo(2);
    }

    @Test
    void a_snapshot_of_the_old_shape_is_passed_over_and_the_sprint_rebuilt_from_its_events() {
        UUID conference = conference("ursula");
        UUID leader = attendee(conference, "ulla", "Ulla");
        UUID sprint = UUID.randomUUID();
        List<UUID> early = List.of(attendee(conference, "xia", "Xia"), attendee(conference, "yan", "Yan"),
                attendee(conference, "zoe", "Zoe"));
        storeEvent(sprint, 0, "SprintAnnounced",
                ANNOUNCED_V1.formatted(sprint, conference, leader, 4, quoted(MONDAY)));
        for (int i = 0; i < early.size(); i++) {
            storeEvent(sprint, i + 1, "ParticipantSignedUp",
                    SIGNED_UP_V1.formatted(sprint, conference, early.get(i), MONDAY));
        }
        StringBuilder attended = new StringBuilder();
        StringBuilder signedUp = new StringBuilder();
        for (UUID attendee : early) {
            String separator = attended.isEmpty() ? "" : ",";
            attended.append(separator).append(quoted(attendee.toString())).append(":[]");
            signedUp.append(separator).append(quoted(attendee.toString())).append(":[").append(quoted(MONDAY))
                    .append("]");
        }
        storeSnapshot(sprint, 3, SNAPSHOT_V1.formatted(attended, 4, conference, MONDAY, signedUp, sprint));
        replaySprintView();

        signedUp(token("amy"), conference, sprint, attendee(conference, "amy", "Amy"), MONDAY);
        Http.Response full = signUp(token("ben"), conference, sprint, attendee(conference, "ben", "Ben"), MONDAY);
        assertThat(full.problem()).as(full.toString()).isEqualTo("sprint-full");
        assertThat(signUp(token("xia"), conference, sprint, early.getFirst(), MONDAY).problem())
                .isEqualTo("already-signed-up");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select payload_revision from snapshot_event_entry where aggregate_identifier = ?
                        order by sequence_number desc limit 1""")
                .param(sprint.toString()).query(String.class).single()).isEqualTo("2"));
    }

    private void storeEvent(UUID sprint, long sequence, String payloadType, String payload) {
        new StoredHistory(jdbc).event(sprint, sequence, payloadType, null, payload);
    }

    private void storeSnapshot(UUID sprint, long sequence, String payload) {
        new StoredHistory(jdbc).snapshot(sprint, sequence, null, payload);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static SprintAnnounced publishedAnnouncement(UUID conference, UUID sprint) {
        return announcement(publishedFor(conference, events -> announcement(events, sprint).isPresent()), sprint)
                .orElseThrow();
    }

    private static Optional<SprintAnnounced> announcement(List<IntegrationEvent> events, UUID sprint) {
        return events.stream()
                .filter(e -> e instanceof SprintAnnounced announced && announced.sprintId().equals(sprint))
                .map(SprintAnnounced.class::cast)
                .findFirst();
    }
}
