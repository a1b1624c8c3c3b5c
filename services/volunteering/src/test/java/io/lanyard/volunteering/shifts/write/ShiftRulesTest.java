package io.lanyard.volunteering.shifts.write;

import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_ATTENDEE_LOCKS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_LOCKS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.personOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lanyard.platform.web.NotFoundException;

/** The rules of one shift's places, through the command handler that also keeps each volunteer's schedule. */
class ShiftRulesTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID SHIFT = UUID.randomUUID();
    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();
    static final UUID CAROL = UUID.randomUUID();
    static final UUID EARLIER_SHIFT = UUID.randomUUID();
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(-7);
    static final Instant STARTS = OffsetDateTime.of(2027, 5, 13, 17, 0, 0, 0, OFFSET).toInstant();
    static final Instant ENDS = STARTS.plus(Duration.ofHours(2));
    static final Instant BEFORE_START = STARTS.minus(Duration.ofDays(1));
    static final Instant DURING = STARTS.plus(Duration.ofHours(1));

    private final AggregateTestFixture<Shift> fixture = new AggregateTestFixture<>(Shift.class);
    private final OtherAggregate<VolunteerSchedule> schedules = new OtherAggregate<>(VolunteerSchedule.class);
    /** Each person's registrations, for schedules kept per registration; none unless a test says so. */
    private final Map<String, List<UUID>> registrations = new HashMap<>();

    @BeforeEach
    void commandHandler() {
        VolunteerRules rules = VolunteerRules.defaults(ZoneId.of("America/Los_Angeles"));
        fixture.registerAnnotatedCommandHandler(new ShiftSignUpCommandHandler(fixture.getRepository(),
                schedules.repository(), conference -> rules,
                (conference, person) -> registrations.getOrDefault(person, List.of()), OtherAggregate.NONE_ERASED, NO_ATTENDEE_LOCKS, NO_LOCKS));
    }

    static ShiftScheduled scheduled(int capacity) {
        return new ShiftScheduled(SHIFT, CONFERENCE, "Bag stuffing, table 1", "bag-stuffing", "Hall A", STARTS, ENDS,
                OFFSET, capacity, "olivia");
    }

    static VolunteerSignedUp signedUp(UUID attendee) {
        return new VolunteerSignedUp(SHIFT, CONFERENCE, attendee, "volunteer");
    }

    static ShiftMessages.SignUpForShift signUp(UUID attendee, Instant at) {
        return new ShiftMessages.SignUpForShift(CONFERENCE, SHIFT, attendee, personOf(attendee), "volunteer", at);
    }

    static ShiftMessages.WithdrawFromShift withdraw(UUID attendee, String by, Instant at) {
        return new ShiftMessages.WithdrawFromShift(CONFERENCE, SHIFT, attendee, personOf(attendee), by, at);
    }

    static ShiftMessages.RecordAttendance recordAttendance(UUID attendee, Attendance status, Instant at) {
        return new ShiftMessages.RecordAttendance(CONFERENCE, SHIFT, attendee, personOf(attendee), status, "olivia",
                at);
    }

    static ShiftMessages.WithdrawCancelledAttendee cancelled(UUID attendee, Instant at) {
        return new ShiftMessages.WithdrawCancelledAttendee(CONFERENCE, attendee, personOf(attendee), at);
    }

    static UUID scheduleOf(UUID attendee) {
        return VolunteerSchedule.idOf(CONFERENCE, personOf(attendee));
    }

    static ShiftBooked booked(UUID attendee) {
        return new ShiftBooked(scheduleOf(attendee), CONFERENCE, attendee, SHIFT, STARTS, ENDS);
    }

    @Test
    void an_organizer_schedules_a_shift() {
        fixture.givenNoPriorActivity()
                .when(new ShiftMessages.ScheduleShift(SHIFT, CONFERENCE, "Bag stuffing, table 1", "bag-stuffing",
                        "Hall A", STARTS, ENDS, OFFSET, 20, "olivia"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled(20));
    }

    @Test
    void a_volunteer_takes_a_free_place_and_the_shift_is_booked_on_their_schedule() {
        fixture.given(scheduled(2), signedUp(ALICE))
                .when(signUp(BOB, BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectEvents(signedUp(BOB));
        assertThat(schedules.newEventsOf(scheduleOf(BOB))).containsExactly(booked(BOB));
    }

    @Test
    void refuses_a_signup_when_the_shift_is_full() {
        fixture.given(scheduled(2), signedUp(ALICE), signedUp(BOB))
                .when(signUp(CAROL, BEFORE_START))
                .expectException(ShiftFullException.class)
                .expectNoEvents();
        assertThat(schedules.newEventsOf(scheduleOf(CAROL))).isEmpty();
    }

    @Test
    void refuses_a_second_signup_of_the_same_volunteer() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(signUp(ALICE, BEFORE_START))
                .expectException(AlreadySignedUpException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_signup_once_the_shift_has_started() {
        fixture.given(scheduled(5))
                .when(signUp(ALICE, STARTS))
                .expectException(ShiftStartedException.class)
                .expectNoEvents();
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).isEmpty();
    }

    @Test
    void withdrawing_frees_the_place_and_releases_the_shift_from_the_schedule() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(1), signedUp(ALICE))
                .when(withdraw(ALICE, "alice", BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VolunteerWithdrew(SHIFT, CONFERENCE, ALICE, "alice",
                        VolunteerWithdrew.Reason.ON_REQUEST));
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).containsExactly(
                new ShiftReleased(scheduleOf(ALICE), SHIFT));
    }

    @Test
    void a_freed_place_can_be_taken_again() {
        fixture.given(scheduled(1), signedUp(ALICE),
                        new VolunteerWithdrew(SHIFT, CONFERENCE, ALICE, "alice", VolunteerWithdrew.Reason.ON_REQUEST))
                .when(signUp(BOB, BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectEvents(signedUp(BOB));
    }

    @Test
    void refuses_a_withdrawal_once_the_shift_has_started() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(withdraw(ALICE, "alice", STARTS.plusSeconds(1)))
                .expectException(ShiftStartedException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawing_someone_who_is_not_on_the_shift_changes_nothing() {
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(withdraw(BOB, "bob", BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_present_volunteer_is_credited_with_the_hours_of_the_shift() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(recordAttendance(ALICE, Attendance.PRESENT, DURING))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AttendanceRecorded(SHIFT, CONFERENCE, ALICE, Attendance.PRESENT, 2.0, "olivia"));
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).containsExactly(
                new ShiftAttendanceNoted(scheduleOf(ALICE), SHIFT, Attendance.PRESENT));
    }

    @Test
    void a_no_show_is_credited_with_no_hours_and_counted_on_the_schedule() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(recordAttendance(ALICE, Attendance.NO_SHOW, DURING))
                .expectEvents(new AttendanceRecorded(SHIFT, CONFERENCE, ALICE, Attendance.NO_SHOW, 0.0, "olivia"));
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).containsExactly(
                new ShiftAttendanceNoted(scheduleOf(ALICE), SHIFT, Attendance.NO_SHOW));
    }

    @Test
    void refuses_attendance_for_someone_who_is_not_on_the_shift() {
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(recordAttendance(BOB, Attendance.PRESENT, DURING))
                .expectException(NotOnShiftException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_attendance_before_the_shift_has_begun() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(recordAttendance(ALICE, Attendance.NO_SHOW, STARTS.minusSeconds(1)))
                .expectException(ShiftNotStartedException.class)
                .expectNoEvents();
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).isEmpty();
    }

    @Test
    void attendance_can_be_recorded_from_the_moment_the_shift_begins() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(recordAttendance(ALICE, Attendance.PRESENT, STARTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AttendanceRecorded(SHIFT, CONFERENCE, ALICE, Attendance.PRESENT, 2.0, "olivia"));
    }

    @Test
    void recording_the_same_attendance_twice_changes_nothing() {
        fixture.given(scheduled(5), signedUp(ALICE),
                        new AttendanceRecorded(SHIFT, CONFERENCE, ALICE, Attendance.PRESENT, 2.0, "olivia"))
                .when(recordAttendance(ALICE, Attendance.PRESENT, DURING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).isEmpty();
    }

    @Test
    void a_cancelled_registration_gives_back_places_on_shifts_that_had_not_started() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(cancelled(ALICE, BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VolunteerWithdrew(SHIFT, CONFERENCE, ALICE, null,
                        VolunteerWithdrew.Reason.REGISTRATION_CANCELLED));
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).containsExactly(
                new ShiftReleased(scheduleOf(ALICE), SHIFT),
                new VolunteerScheduleClosed(scheduleOf(ALICE), CONFERENCE, ALICE));
    }

    @Test
    void a_cancelled_registration_keeps_its_place_on_a_shift_that_had_started() {
        schedules.given(scheduleOf(ALICE), booked(ALICE));
        fixture.given(scheduled(5), signedUp(ALICE))
                .when(cancelled(ALICE, STARTS.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).containsExactly(
                new VolunteerScheduleClosed(scheduleOf(ALICE), CONFERENCE, ALICE));
    }

    /**
     * Alice's first registration, cancelled, had its schedule kept per registration, as the service kept schedules
     * before they followed the person. Her new registration's first sign-up carries it over to her own.
     */
    @Test
    void a_schedule_kept_per_registration_is_carried_over_to_the_persons_schedule() {
        UUID earlier = UUID.randomUUID();
        UUID kept = VolunteerSchedule.keptPerRegistration(CONFERENCE, earlier);
        ShiftTimes missed = new ShiftTimes(BEFORE_START, BEFORE_START.plus(Duration.ofHours(2)));
        registrations.put(personOf(ALICE), List.of(earlier, ALICE));
        schedules.given(kept, keptBooking(kept, earlier, EARLIER_SHIFT, missed),
                new ShiftAttendanceNoted(kept, EARLIER_SHIFT, Attendance.NO_SHOW),
                new VolunteerScheduleClosed(kept, CONFERENCE, earlier));
        fixture.given(scheduled(5))
                .when(signUp(ALICE, BEFORE_START))
                .expectSuccessfulHandlerExecution()
                .expectEvents(signedUp(ALICE));
        assertThat(schedules.newEventsOf(scheduleOf(ALICE))).containsExactly(
                new ScheduleCarriedOver(scheduleOf(ALICE), CONFERENCE, earlier, kept, Map.of(EARLIER_SHIFT, missed),
                        Set.of(EARLIER_SHIFT), true),
                booked(ALICE));
        assertThat(schedules.newEventsOf(kept)).isEmpty();
    }

    @Test
    void no_shows_kept_per_registration_still_count_once_carried_over() {
        UUID earlier = UUID.randomUUID();
        UUID kept = VolunteerSchedule.keptPerRegistration(CONFERENCE, earlier);
        UUID anotherShift = UUID.randomUUID();
        registrations.put(personOf(ALICE), List.of(earlier, ALICE));
        schedules.given(kept,
                keptBooking(kept, earlier, EARLIER_SHIFT, new ShiftTimes(BEFORE_START, BEFORE_START.plusSeconds(60))),
                keptBooking(kept, earlier, anotherShift, new ShiftTimes(DURING, DURING.plusSeconds(60))),
                new ShiftAttendanceNoted(kept, EARLIER_SHIFT, Attendance.NO_SHOW),
                new ShiftAttendanceNoted(kept, anotherShift, Attendance.NO_SHOW));
        fixture.given(scheduled(5))
                .when(signUp(ALICE, BEFORE_START))
                .expectException(TooManyNoShowsException.class)
                .expectNoEvents();
    }

    private static ShiftBooked keptBooking(UUID kept, UUID registration, UUID shift, ShiftTimes times) {
        return new ShiftBooked(kept, CONFERENCE, registration, shift, times.startsAt(), times.endsAt());
    }

    @Test
    void a_shift_of_another_conference_is_not_found() {
        fixture.given(scheduled(5))
                .when(new ShiftMessages.SignUpForShift(UUID.randomUUID(), SHIFT, ALICE, personOf(ALICE), "alice",
                        BEFORE_START))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
