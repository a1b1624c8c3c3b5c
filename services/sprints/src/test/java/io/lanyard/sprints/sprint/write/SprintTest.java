package io.lanyard.sprints.sprint.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SprintTest {

    private static final UUID SPRINT = UUID.randomUUID();
    private static final UUID CONFERENCE = UUID.randomUUID();
    private static final UUID LEADER = UUID.randomUUID();
    private static final LocalDate MONDAY = LocalDate.of(2027, 5, 17);
    private static final LocalDate TUESDAY = LocalDate.of(2027, 5, 18);
    private static final LocalDate WEDNESDAY = LocalDate.of(2027, 5, 19);
    private static final Instant NOW = Instant.parse("2027-05-16T18:00:00Z");
    /** The test conference takes place in Los Angeles: there a sprint day begins at 07:00 UTC. */
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** 09:00 on Tuesday in Los Angeles: both of the sprint's days have begun. */
    private static final Instant TUESDAY_MORNING = Instant.parse("2027-05-18T16:00:00Z");

    private AggregateTestFixture<Sprint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Sprint.class);
    }

    @Test
    void announces_a_sprint_with_its_days_in_order() {
        fixture.givenNoPriorActivity()
                .when(announce("CPython", 12, List.of(TUESDAY, MONDAY)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SprintAnnounced(SPRINT, CONFERENCE, "CPython", "Fix bugs", LEADER, 12,
                        List.of(MONDAY, TUESDAY), "olivia", NOW));
    }

    @Test
    void refuses_a_sprint_without_a_project() {
        fixture.givenNoPriorActivity()
                .when(announce(" ", 12, List.of(MONDAY)))
                .expectException(InvalidSprintException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_room_for_nobody() {
        fixture.givenNoPriorActivity()
                .when(announce("CPython", 0, List.of(MONDAY)))
                .expectException(InvalidSprintException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_sprint_without_days() {
        fixture.givenNoPriorActivity()
                .when(announce("CPython", 12, List.of()))
                .expectException(InvalidSprintException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_sprint_that_names_a_day_twice() {
        fixture.givenNoPriorActivity()
                .when(announce("CPython", 12, List.of(MONDAY, MONDAY)))
                .expectException(InvalidSprintException.class)
                .expectNoEvents();
    }

    @Test
    void signs_a_participant_up_for_some_of_the_days() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(2))
                .when(signUp(ada, TUESDAY))
                .expectEvents(new ParticipantSignedUp(SPRINT, CONFERENCE, ada, List.of(TUESDAY), "someone", NOW));
    }

    @Test
    void refuses_a_signup_for_a_day_the_room_is_full() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cyd = UUID.randomUUID();
        fixture.given(announced(2), joined(ada, MONDAY, TUESDAY), joined(bob, TUESDAY))
                .when(signUp(cyd, MONDAY, TUESDAY))
                .expectException(SprintFullException.class)
                .expectExceptionMessage("the sprint's room is full on " + TUESDAY)
                .expectNoEvents();
    }

    @Test
    void a_full_day_leaves_the_other_days_open() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cyd = UUID.randomUUID();
        fixture.given(announced(2), joined(ada, MONDAY, TUESDAY), joined(bob, TUESDAY))
                .when(signUp(cyd, MONDAY))
                .expectEvents(new ParticipantSignedUp(SPRINT, CONFERENCE, cyd, List.of(MONDAY), "someone", NOW));
    }

    @Test
    void a_place_freed_by_a_leaver_can_be_taken() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        fixture.given(announced(1), joined(ada, MONDAY), left(ada))
                .when(signUp(bob, MONDAY))
                .expectEvents(new ParticipantSignedUp(SPRINT, CONFERENCE, bob, List.of(MONDAY), "someone", NOW));
    }

    @Test
    void refuses_a_second_signup_of_the_same_participant() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY))
                .when(signUp(ada, TUESDAY))
                .expectException(AlreadySignedUpException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_signup_for_a_day_the_sprint_does_not_run() {
        fixture.given(announced(5))
                .when(signUp(UUID.randomUUID(), MONDAY, WEDNESDAY))
                .expectException(InvalidDaysException.class)
                .expectExceptionMessage("the sprint does not run on " + WEDNESDAY)
                .expectNoEvents();
    }

    @Test
    void refuses_a_signup_for_no_day_or_a_day_twice() {
        fixture.given(announced(5))
                .when(signUp(UUID.randomUUID()))
                .expectException(InvalidDaysException.class);
        fixture.given(announced(5))
                .when(signUp(UUID.randomUUID(), MONDAY, MONDAY))
                .expectException(InvalidDaysException.class)
                .expectNoEvents();
    }

    @Test
    void a_participant_leaves() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY))
                .when(new SprintMessages.LeaveSprint(SPRINT, ada, LeaveReason.WITHDREW, "ada", NOW))
                .expectEvents(new ParticipantLeft(SPRINT, CONFERENCE, ada, LeaveReason.WITHDREW, "ada", NOW));
    }

    @Test
    void leaving_a_sprint_one_is_not_in_changes_nothing() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY), left(ada))
                .when(new SprintMessages.LeaveSprint(SPRINT, ada, LeaveReason.REMOVED, "lena", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void records_attendance_on_a_day_the_participant_signed_up_for() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY))
                .when(attend(ada, TUESDAY))
                .expectEvents(new AttendanceRecorded(SPRINT, CONFERENCE, ada, TUESDAY, "lena", TUESDAY_MORNING));
    }

    @Test
    void recording_the_same_attendance_twice_changes_nothing() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY), attended(ada, MONDAY))
                .when(attend(ada, MONDAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refuses_attendance_on_a_day_the_participant_did_not_sign_up_for() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY))
                .when(attend(ada, TUESDAY))
                .expectException(InvalidDaysException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_attendance_of_someone_who_is_not_a_participant() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY), left(ada))
                .when(attend(ada, MONDAY))
                .expectException(NotAParticipantException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_attendance_before_the_day_has_begun_where_the_conference_is() {
        UUID ada = UUID.randomUUID();
        // Tuesday already in UTC, a second before midnight on Monday in Los Angeles
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY))
                .when(attendAt(ada, TUESDAY, Instant.parse("2027-05-18T06:59:59Z")))
                .expectException(DayNotStartedException.class)
                .expectExceptionMessage("the sprint's day " + TUESDAY + " has not begun yet")
                .expectNoEvents();
    }

    @Test
    void records_attendance_from_the_moment_the_day_begins() {
        UUID ada = UUID.randomUUID();
        Instant midnight = Instant.parse("2027-05-18T07:00:00Z");
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY))
                .when(attendAt(ada, TUESDAY, midnight))
                .expectEvents(new AttendanceRecorded(SPRINT, CONFERENCE, ada, TUESDAY, "lena", midnight));
    }

    @Test
    void a_cancelled_registration_leaves_the_days_that_had_not_begun_and_keeps_those_that_had() {
        UUID ada = UUID.randomUUID();
        Instant lateOnMonday = Instant.parse("2027-05-18T06:59:59Z");
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY), attended(ada, MONDAY))
                .when(registrationCancelled(ada, lateOnMonday))
                .expectEvents(leftDays(ada, lateOnMonday, TUESDAY));
    }

    @Test
    void a_registration_cancelled_before_the_first_day_leaves_the_whole_sprint() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY))
                .when(registrationCancelled(ada, NOW))
                .expectEvents(new ParticipantLeft(SPRINT, CONFERENCE, ada, LeaveReason.REGISTRATION_CANCELLED,
                        "registration", NOW));
    }

    @Test
    void a_registration_cancelled_once_every_day_has_begun_leaves_the_participation_as_it_is() {
        UUID ada = UUID.randomUUID();
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY), attended(ada, MONDAY))
                .when(registrationCancelled(ada, Instant.parse("2027-05-18T07:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_cancelled_registration_of_someone_not_in_the_sprint_changes_nothing() {
        fixture.given(announced(5))
                .when(registrationCancelled(UUID.randomUUID(), TUESDAY_MORNING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_days_a_cancelled_participant_gave_up_are_free_and_the_days_they_kept_are_not() {
        UUID ada = UUID.randomUUID();
        Instant mondayNoon = Instant.parse("2027-05-17T19:00:00Z");
        fixture.given(announced(1), joined(ada, MONDAY, TUESDAY), leftDays(ada, mondayNoon, TUESDAY))
                .when(signUp(UUID.randomUUID(), TUESDAY))
                .expectSuccessfulHandlerExecution();
        fixture.given(announced(1), joined(ada, MONDAY, TUESDAY), leftDays(ada, mondayNoon, TUESDAY))
                .when(signUp(UUID.randomUUID(), MONDAY))
                .expectException(SprintFullException.class)
                .expectNoEvents();
    }

    @Test
    void a_cancelled_participant_is_still_recorded_on_a_day_they_kept_but_not_on_one_they_gave_up() {
        UUID ada = UUID.randomUUID();
        Instant mondayNoon = Instant.parse("2027-05-17T19:00:00Z");
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY), leftDays(ada, mondayNoon, TUESDAY))
                .when(attend(ada, MONDAY))
                .expectEvents(attended(ada, MONDAY));
        fixture.given(announced(5), joined(ada, MONDAY, TUESDAY), leftDays(ada, mondayNoon, TUESDAY))
                .when(attend(ada, TUESDAY))
                .expectException(InvalidDaysException.class)
                .expectNoEvents();
    }

    @Test
    void a_sprint_restored_from_its_jackson_snapshot_decides_as_before() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cyd = UUID.randomUUID();
        Serializer serializer = Jackson3Serializer.builder().build();
        List<SerializedObject<byte[]>> snapshot = new ArrayList<>();
        fixture.given(announced(2), joined(ada, MONDAY, TUESDAY), attended(ada, MONDAY))
                .when(signUp(bob, TUESDAY))
                .expectState(sprint -> {
                    snapshot.add(serializer.serialize(sprint, byte[].class));
                    Sprint restored = serializer.deserialize(snapshot.getFirst());
                    assertThat(serializer.serialize(restored, String.class).getData())
                            .isEqualTo(serializer.serialize(sprint, String.class).getData());
                });
        Supplier<Sprint> restored = () -> serializer.deserialize(snapshot.getFirst());

        new AggregateTestFixture<>(Sprint.class).givenState(restored)
                .when(signUp(UUID.randomUUID(), TUESDAY))
                .expectException(SprintFullException.class);
        new AggregateTestFixture<>(Sprint.class).givenState(restored)
                .when(signUp(cyd, MONDAY))
                .expectEvents(new ParticipantSignedUp(SPRINT, CONFERENCE, cyd, List.of(MONDAY), "someone", NOW));
        new AggregateTestFixture<>(Sprint.class).givenState(restored)
                .when(signUp(ada, MONDAY))
                .expectException(AlreadySignedUpException.class);
        new AggregateTestFixture<>(Sprint.class).givenState(restored)
                .when(attend(ada, MONDAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        new AggregateTestFixture<>(Sprint.class).givenState(restored)
                .when(attend(bob, TUESDAY))
                .expectEvents(new AttendanceRecorded(SPRINT, CONFERENCE, bob, TUESDAY, "lena", TUESDAY_MORNING));
    }

    private static SprintMessages.AnnounceSprint announce(String project, int seatsPerDay, List<LocalDate> days) {
        return new SprintMessages.AnnounceSprint(SPRINT, CONFERENCE, project, "Fix bugs", LEADER, seatsPerDay, days,
                "olivia", NOW);
    }

    private static SprintAnnounced announced(int seatsPerDay) {
        return new SprintAnnounced(SPRINT, CONFERENCE, "CPython", "Fix bugs", LEADER, seatsPerDay,
                List.of(MONDAY, TUESDAY), "olivia", NOW);
    }

    private static SprintMessages.SignUpForSprint signUp(UUID attendee, LocalDate... days) {
        return new SprintMessages.SignUpForSprint(SPRINT, CONFERENCE, attendee, List.of(days), "someone", NOW);
    }

    private static ParticipantSignedUp joined(UUID attendee, LocalDate... days) {
        return new ParticipantSignedUp(SPRINT, CONFERENCE, attendee, List.of(days), "someone", NOW);
    }

    private static ParticipantLeft left(UUID attendee) {
        return new ParticipantLeft(SPRINT, CONFERENCE, attendee, LeaveReason.WITHDREW, "someone", NOW);
    }

    private static SprintMessages.RecordAttendance attend(UUID attendee, LocalDate day) {
        return attendAt(attendee, day, TUESDAY_MORNING);
    }

    private static SprintMessages.RecordAttendance attendAt(UUID attendee, LocalDate day, Instant at) {
        return new SprintMessages.RecordAttendance(SPRINT, attendee, day, ZONE, "lena", at);
    }

    private static AttendanceRecorded attended(UUID attendee, LocalDate day) {
        return new AttendanceRecorded(SPRINT, CONFERENCE, attendee, day, "lena", TUESDAY_MORNING);
    }

    private static SprintMessages.LeaveDaysNotBegun registrationCancelled(UUID attendee, Instant at) {
        return new SprintMessages.LeaveDaysNotBegun(SPRINT, attendee, ZONE, LeaveReason.REGISTRATION_CANCELLED,
                "registration", at);
    }

    private static ParticipantLeftDays leftDays(UUID attendee, Instant at, LocalDate... days) {
        return new ParticipantLeftDays(SPRINT, CONFERENCE, attendee, List.of(days),
                LeaveReason.REGISTRATION_CANCELLED, "registration", at);
    }
}
