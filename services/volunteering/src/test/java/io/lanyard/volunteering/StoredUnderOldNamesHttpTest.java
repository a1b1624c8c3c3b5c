package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.testsupport.ServiceTest;
import io.lanyard.volunteering.policy.write.VolunteerPolicySet;
import io.lanyard.volunteering.shifts.write.ShiftScheduled;
import io.lanyard.volunteering.shifts.write.VolunteerSignedUp;

/**
 * Events written before the capabilities got their {@code write} packages are stored under
 * {@code io.lanyard.volunteering.shifts.*} and {@code io.lanyard.volunteering.policy.*}. They are put into the store
 * as that version wrote them, and must still load as the classes they are now, and decide as before. (Snapshots:
 * {@link SnapshotLoadingHttpTest}.)
 */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class StoredUnderOldNamesHttpTest extends VolunteeringTestSupport {

    private static final String STORED_AT = "2027-05-01T10:00:00.5Z";
    private static final String SCHEDULED = """
            {"shiftId":"%s","conferenceId":"%s","title":"Bag stuffing","task":"bag-stuffing","location":"Hall A",\
            "startsAt":"%s","endsAt":"%s","offset":"-07:00","capacity":1,"scheduledBy":"olivia"}""";
    private static final String SIGNED_UP = """
            {"shiftId":"%s","conferenceId":"%s","attendeeId":"%s","signedUpBy":"alice"}""";
    private static final String BOOKED = """
            {"scheduleId":"%s","conferenceId":"%s","attendeeId":"%s","shiftId":"%s","startsAt":"%s","endsAt":"%s"}""";
    private static final String POLICY_SET = """
            {"policyId":"%s","conferenceId":"%s","maxHoursPerDay":8.0,"minRestMinutes":30,"noShowLimit":1,\
            "setBy":"olivia"}""";

    @Autowired
    EventStore eventStore;

    @Test
    void events_stored_under_the_old_package_names_load_and_decide_as_before() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        Volunteer alice = volunteer(conference, "alice");
        Volunteer bob = volunteer(conference, "bob");
        OffsetDateTime startsAt = evening(0, 17);
        Instant start = startsAt.toInstant();
        Instant end = startsAt.plusHours(2).toInstant();
        UUID shift = UUID.randomUUID();
        UUID schedule = scheduleIdOf(conference, alice.id());
        UUID policy = UUID.nameUUIDFromBytes(("volunteer-policy/" + conference).getBytes(StandardCharsets.UTF_8));
        storeEvent(shift, 0, "Shift", "io.lanyard.volunteering.shifts.ShiftScheduled",
                SCHEDULED.formatted(shift, conference, start, end));
        storeEvent(shift, 1, "Shift", "io.lanyard.volunteering.shifts.VolunteerSignedUp",
                SIGNED_UP.formatted(shift, conference, alice.id()));
        storeEvent(schedule, 0, "VolunteerSchedule", "io.lanyard.volunteering.shifts.ShiftBooked",
                BOOKED.formatted(schedule, conference, alice.id(), shift, start, end));
        storeEvent(policy, 0, "VolunteerPolicy", "io.lanyard.volunteering.policy.VolunteerPolicySet",
                POLICY_SET.formatted(policy, conference));

        assertThat(payloadsOf(shift)).containsExactly(
                new ShiftScheduled(shift, conference, "Bag stuffing", "bag-stuffing", "Hall A", start, end, PDT, 1,
                        "olivia"),
                new VolunteerSignedUp(shift, conference, alice.id(), "alice"));
        assertThat(payloadsOf(policy)).containsExactly(
                new VolunteerPolicySet(policy, conference, 8.0, 30, 1, "olivia"));

        assertThat(signUp(bob, conference, shift).problem()).isEqualTo("shift-full");
        assertThat(signUp(alice, conference, shift).problem()).isEqualTo("already-signed-up");
        UUID overlapping = scheduleShift(olivia, conference, "Table 2", startsAt.plusHours(1), Duration.ofHours(2), 5);
        assertThat(signUp(alice, conference, overlapping).problem()).isEqualTo("overlapping-shift");
        assertThat(signUp(bob, conference, overlapping).status()).isEqualTo(201);
    }

    private List<Object> payloadsOf(UUID aggregateId) {
        return eventStore.readEvents(aggregateId.toString()).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    private void storeEvent(UUID aggregateId, long sequence, String aggregateType, String payloadType,
                            String payload) {
        jdbc.sql("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(aggregateId.toString(), sequence, aggregateType, UUID.randomUUID().toString(), bytes("{}"),
                        bytes(payload), payloadType, STORED_AT)
                .update();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
