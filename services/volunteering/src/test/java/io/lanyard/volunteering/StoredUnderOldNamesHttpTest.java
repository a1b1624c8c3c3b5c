package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.volunteering.policy.write.VolunteerPolicySet;
import io.lanyard.volunteering.shifts.write.ShiftScheduled;
import io.lanyard.volunteering.shifts.write.VolunteerSignedUp;

/**
 * Events written before the capabilities got their {@code write} packages are stored under
 * {@code io.lanyard.volunteering.shifts.*} and {@code io.lanyard.volunteering.policy.*}, and volunteers' schedules
 * were kept per registration before they followed the person. Such events are put into the store as those versions
 * wrote them, and must still load as the classes they are now, and decide as before. (Snapshots:
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
    private static final String NO_SHOW_RECORDED = """
            {"shiftId":"%s","conferenceId":"%s","attendeeId":"%s","status":"NO_SHOW","hoursWorked":0.0,\
            "recordedBy":"olivia"}""";
    private static final String NO_SHOW_NOTED = """
            {"scheduleId":"%s","shiftId":"%s","status":"NO_SHOW"}""";
    private static final String WRITE = "io.lanyard.volunteering.shifts.write.";
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
        UUID schedule = scheduleKeptPerRegistration(conference, alice.id());
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

    /**
     * Schedules used to be kept per registration. Alice missed two shifts under her first registration, whose
     * schedule is in the store as that version wrote it; an organizer cancels that registration during the second
     * shift, and she registers again. Her new registration still meets her no-shows and the shift she is on.
     */
    @Test
    void a_schedule_kept_per_registration_is_carried_over_to_the_person() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        Volunteer alice = volunteer(conference, "alice");
        OffsetDateTime dayTwo = evening(1, 9);
        UUID kept = scheduleKeptPerRegistration(conference, alice.id());
        long sequence = 0;
        for (OffsetDateTime startsAt : List.of(evening(0, 9), dayTwo)) {
            UUID missed = UUID.randomUUID();
            Instant start = startsAt.toInstant();
            Instant end = startsAt.plusHours(2).toInstant();
            storeEvent(missed, 0, "Shift", WRITE + "ShiftScheduled",
                    SCHEDULED.formatted(missed, conference, start, end));
            storeEvent(missed, 1, "Shift", WRITE + "VolunteerSignedUp", SIGNED_UP.formatted(missed, conference,
                    alice.id()));
            storeEvent(missed, 2, "Shift", WRITE + "AttendanceRecorded", NO_SHOW_RECORDED.formatted(missed,
                    conference, alice.id()));
            storeEvent(kept, sequence++, "VolunteerSchedule", WRITE + "ShiftBooked",
                    BOOKED.formatted(kept, conference, alice.id(), missed, start, end));
            storeEvent(kept, sequence++, "VolunteerSchedule", WRITE + "ShiftAttendanceNoted",
                    NO_SHOW_NOTED.formatted(kept, missed));
        }

        cancelled(conference, alice, dayTwo.plusHours(1).toInstant(), AttendeeCancelled.Canceller.ORGANIZER);
        Volunteer aliceAgain = registeredAgain(conference, alice);
        UUID dayThree = scheduleShift(olivia, conference, "Day 3", evening(2, 9), Duration.ofHours(2), 5);
        UUID overlapping = scheduleShift(olivia, conference, "Day 2, later", dayTwo.plusHours(1),
                Duration.ofHours(2), 5);

        assertThat(signUp(aliceAgain, conference, dayThree).problem()).isEqualTo("too-many-no-shows");
        assertThat(http().put("/conferences/" + conference + "/volunteer-policy", olivia, Map.of("noShowLimit", 3))
                .status()).isEqualTo(204);
        assertThat(signUp(aliceAgain, conference, overlapping).problem()).isEqualTo("overlapping-shift");
        assertThat(signUp(aliceAgain, conference, dayThree).status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(kept.toString()).query(Long.class).single())
                .as("the schedule kept per registration keeps its events, and gets none").isEqualTo(4);
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
