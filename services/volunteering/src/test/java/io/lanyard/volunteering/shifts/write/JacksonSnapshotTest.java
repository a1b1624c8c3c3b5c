package io.lanyard.volunteering.shifts.write;

import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_ATTENDEE_LOCKS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_EARLIER_REGISTRATIONS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_LOCKS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.personOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * Both aggregates are snapshotted with the platform's Jackson serializer; a snapshot must bring back every field,
 * and the domain events must keep the organizer's offset.
 */
class JacksonSnapshotTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID SHIFT = UUID.randomUUID();
    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();
    static final Instant STARTS = Instant.parse("2027-05-14T00:00:00Z");
    static final Instant ENDS = STARTS.plus(Duration.ofHours(2));

    static final VolunteerRulesSource RULES = conference -> VolunteerRules.defaults(ZoneOffset.UTC);

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    private <T> T roundTrip(T value) {
        SerializedObject<byte[]> serialized = serializer.serialize(value, byte[].class);
        return serializer.deserialize(serialized);
    }

    @Test
    void a_shift_comes_back_whole_from_a_snapshot() {
        AggregateTestFixture<Shift> fixture = new AggregateTestFixture<>(Shift.class);
        OtherAggregate<VolunteerSchedule> schedules = new OtherAggregate<>(VolunteerSchedule.class);
        UUID bobsSchedule = VolunteerSchedule.idOf(CONFERENCE, personOf(BOB));
        schedules.given(bobsSchedule, new ShiftBooked(bobsSchedule, CONFERENCE, BOB, SHIFT, STARTS, ENDS));
        fixture.registerAnnotatedCommandHandler(new ShiftSignUpCommandHandler(fixture.getRepository(),
                schedules.repository(), RULES, NO_EARLIER_REGISTRATIONS, OtherAggregate.NONE_ERASED, NO_ATTENDEE_LOCKS, NO_LOCKS));
        fixture.given(new ShiftScheduled(SHIFT, CONFERENCE, "Bag stuffing", "bag-stuffing", "Hall A", STARTS, ENDS,
                                ZoneOffset.ofHours(-7), 2, "olivia"),
                        new VolunteerSignedUp(SHIFT, CONFERENCE, ALICE, "alice"),
                        new VolunteerSignedUp(SHIFT, CONFERENCE, BOB, "bob"),
                        new AttendanceRecorded(SHIFT, CONFERENCE, ALICE, Attendance.NO_SHOW, 0, "olivia"))
                .when(new ShiftMessages.RecordAttendance(CONFERENCE, SHIFT, BOB, personOf(BOB), Attendance.PRESENT,
                        "olivia", ENDS))
                .expectState(shift -> {
                    Shift restored = roundTrip(shift);
                    assertThat(restored).usingRecursiveComparison().isEqualTo(shift);
                    assertThat(restored.refusalWhenFull()).containsInstanceOf(ShiftFullException.class);
                    assertThat(restored.refusalToSignUp(ALICE, STARTS.minusSeconds(60)))
                            .containsInstanceOf(AlreadySignedUpException.class);
                    assertThat(restored.offset()).isEqualTo(ZoneOffset.ofHours(-7));
                });
    }

    @Test
    void a_volunteer_schedule_comes_back_whole_from_a_snapshot() {
        UUID schedule = VolunteerSchedule.idOf(CONFERENCE, personOf(ALICE));
        UUID missed = UUID.randomUUID();
        AggregateTestFixture<VolunteerSchedule> fixture = new AggregateTestFixture<>(VolunteerSchedule.class);
        OtherAggregate<Shift> shifts = new OtherAggregate<>(Shift.class);
        shifts.given(SHIFT, new ShiftScheduled(SHIFT, CONFERENCE, "Bag stuffing", "bag-stuffing", "Hall A", STARTS,
                ENDS, ZoneOffset.UTC, 2, "olivia"), new VolunteerSignedUp(SHIFT, CONFERENCE, ALICE, "alice"));
        fixture.registerAnnotatedCommandHandler(new ShiftSignUpCommandHandler(shifts.repository(),
                fixture.getRepository(), RULES, NO_EARLIER_REGISTRATIONS, OtherAggregate.NONE_ERASED, NO_ATTENDEE_LOCKS, NO_LOCKS));
        fixture.given(new ShiftBooked(schedule, CONFERENCE, ALICE, missed, STARTS.minus(Duration.ofDays(1)),
                                STARTS.minus(Duration.ofDays(1)).plus(Duration.ofHours(2))),
                        new ShiftBooked(schedule, CONFERENCE, ALICE, SHIFT, STARTS, ENDS))
                .when(new ShiftMessages.RecordAttendance(CONFERENCE, SHIFT, ALICE, personOf(ALICE), Attendance.NO_SHOW,
                        "olivia", ENDS))
                .expectState(restoredFrom -> {
                    VolunteerSchedule restored = roundTrip(restoredFrom);
                    assertThat(restored).usingRecursiveComparison().isEqualTo(restoredFrom);
                    assertThat(restored.shiftsHeldBy(ALICE)).containsExactlyInAnyOrder(missed, SHIFT);
                    VolunteerRules oneNoShowAllowed = new VolunteerRules(null, null, 1, ZoneOffset.UTC);
                    assertThat(restored.refusalToBook(ALICE, new ShiftTimes(ENDS, ENDS.plusSeconds(3600)),
                            oneNoShowAllowed, ZoneOffset.UTC))
                            .containsInstanceOf(TooManyNoShowsException.class);
                });
    }

    /** A schedule's snapshot as the service wrote them while schedules were kept per registration. */
    private static final String KEPT_PER_REGISTRATION = """
            {"bookings":{"%s":{"endsAt":"2027-05-14T02:00:00Z","startsAt":"2027-05-14T00:00:00Z"}},"closed":true,\
            "noShows":["%s"],"scheduleId":"%s"}""";

    @Test
    void a_snapshot_of_a_schedule_kept_per_registration_loads_and_carries_over_whole() {
        UUID kept = VolunteerSchedule.keptPerRegistration(CONFERENCE, ALICE);
        VolunteerSchedule restored = serializer.deserialize(new SimpleSerializedObject<>(
                KEPT_PER_REGISTRATION.formatted(SHIFT, SHIFT, kept).getBytes(StandardCharsets.UTF_8), byte[].class,
                VolunteerSchedule.class.getName(), null));
        assertThat(restored.carriedOverTo(VolunteerSchedule.idOf(CONFERENCE, personOf(ALICE)), CONFERENCE, ALICE)).isEqualTo(new ScheduleCarriedOver(
                VolunteerSchedule.idOf(CONFERENCE, personOf(ALICE)), CONFERENCE, ALICE, kept,
                Map.of(SHIFT, new ShiftTimes(STARTS, ENDS)), Set.of(SHIFT), true));
    }

    @Test
    void a_scheduled_shift_keeps_the_organizers_offset_in_the_event_store() {
        ShiftScheduled scheduled = new ShiftScheduled(SHIFT, CONFERENCE, "Bag stuffing", "bag-stuffing", "Hall A",
                STARTS, ENDS, ZoneOffset.ofHoursMinutes(5, 30), 20, "olivia");
        assertThat(roundTrip(scheduled)).isEqualTo(scheduled);
    }
}
