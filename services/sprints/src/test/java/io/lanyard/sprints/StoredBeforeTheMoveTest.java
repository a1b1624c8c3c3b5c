package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * A sprint stored before its classes moved from {@code io.lanyard.sprints.sprint} to {@code sprint.write}: events
 * and a snapshot at today's revisions, under the class names of then. Without the renaming the snapshot could not
 * be read and the events after it would be passed over as of an unknown type. Same properties as
 * {@link StoredRevisionOneTest}: no aggregate cache, so every command loads the sprint from the store.
 */
@ServiceTest(properties = {"spring.config.name=sprints", "lanyard.axon.snapshot-threshold=3",
        "lanyard.axon.cache-aggregates=false"})
class StoredBeforeTheMoveTest extends SprintsTestSupport {

    private static final String ANNOUNCED = """
            {"sprintId":"%s","conferenceId":"%s","project":"CPython","description":"Triage issues, review pull \
            requests","leaderAttendeeId":"%s","seatsPerDay":3,"days":["%s"],"announcedBy":"olivia",\
            "announcedAt":"2027-05-10T09:00:00.123456789Z"}""";
    private static final String SIGNED_UP = """
            {"sprintId":"%s","conferenceId":"%s","attendeeId":"%s","days":["%s"],"signedUpBy":"someone",\
            "signedUpAt":"2027-05-11T10:00:00.5Z"}""";
    private static final String ATTENDED = """
            {"sprintId":"%s","conferenceId":"%s","attendeeId":"%s","day":"%s","recordedBy":"ulla",\
            "recordedAt":"2027-05-17T09:00:00Z"}""";
    private static final String LEFT = """
            {"sprintId":"%s","conferenceId":"%s","attendeeId":"%s","reason":"WITHDREW","by":"yan",\
            "leftAt":"2027-05-17T12:00:00Z"}""";
    /** The Sprint aggregate at revision 2 as the snapshotter wrote it, full on Monday. */
    private static final String SNAPSHOT = """
            {"attendedDays":{"%4$s":[],"%5$s":[],"%6$s":[]},"conferenceId":"%2$s","days":["%3$s"],"seatsPerDay":3,\
            "signedUpDays":{"%4$s":["%3$s"],"%5$s":["%3$s"],"%6$s":["%3$s"]},"sprintId":"%1$s"}""";

    @Autowired
    EventStore eventStore;

    @Test
    void a_sprint_stored_under_its_old_class_names_loads_from_its_snapshot_and_the_events_after_it() {
        UUID conference = conference("ursula");
        UUID leader = attendee(conference, "ulla", "Ulla");
        UUID xia = attendee(conference, "xia", "Xia");
        UUID yan = attendee(conference, "yan", "Yan");
        UUID zoe = attendee(conference, "zoe", "Zoe");
        UUID sprint = UUID.randomUUID();
        StoredHistory history = new StoredHistory(jdbc);
        history.event(sprint, 0, "SprintAnnounced", "2", ANNOUNCED.formatted(sprint, conference, leader, MONDAY));
        history.event(sprint, 1, "ParticipantSignedUp", null, SIGNED_UP.formatted(sprint, conference, xia, MONDAY));
        history.event(sprint, 2, "ParticipantSignedUp", null, SIGNED_UP.formatted(sprint, conference, yan, MONDAY));
        history.event(sprint, 3, "ParticipantSignedUp", null, SIGNED_UP.formatted(sprint, conference, zoe, MONDAY));
        history.snapshot(sprint, 3, "2", SNAPSHOT.formatted(sprint, conference, MONDAY, xia, yan, zoe));
        history.event(sprint, 4, "AttendanceRecorded", null, ATTENDED.formatted(sprint, conference, xia, MONDAY));
        history.event(sprint, 5, "ParticipantLeft", null, LEFT.formatted(sprint, conference, yan));
        replaySprintView();

        List<String> loaded = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(sprint.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            loaded.add(message.getSequenceNumber() + " " + message.getPayloadType().getName());
        }
        assertThat(loaded).containsExactly("3 io.lanyard.sprints.sprint.write.Sprint",
                "4 io.lanyard.sprints.sprint.write.AttendanceRecorded",
                "5 io.lanyard.sprints.sprint.write.ParticipantLeft");

        assertThat(participantsOn(token("ulla"), conference, sprint, MONDAY)).isEqualTo(2);
        signedUp(token("amy"), conference, sprint, attendee(conference, "amy", "Amy"), MONDAY);
        Http.Response full = signUp(token("ben"), conference, sprint, attendee(conference, "ben", "Ben"), MONDAY);
        assertThat(full.problem()).as(full.toString()).isEqualTo("sprint-full");
        assertThat(signUp(token("xia"), conference, sprint, xia, MONDAY).problem()).isEqualTo("already-signed-up");
        clockAt(MONDAY, 9);
        Http.Response again = http().post(participants(conference, sprint) + "/" + xia + "/attendance",
                token("ulla"), Map.of("day", MONDAY));
        assertThat(again.status()).as(again.toString()).isEqualTo(204);
        assertThat(jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%.AttendanceRecorded'""")
                .param(sprint.toString()).query(Long.class).single())
                .as("xia's Monday was recorded before, so recording it again changes nothing").isEqualTo(1);
        JsonNode attended = http().get(participants(conference, sprint) + "/" + xia, token("xia")).json()
                .get("attendedDays");
        assertThat(attended.values().stream().map(JsonNode::asString).toList()).containsExactly(MONDAY);
    }
}
