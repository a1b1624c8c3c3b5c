package io.lanyard.volunteering.shifts.write;

import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_ATTENDEE_LOCKS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_EARLIER_REGISTRATIONS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.NO_LOCKS;
import static io.lanyard.volunteering.shifts.write.OtherAggregate.personOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lanyard.platform.problems.NotRegisteredException;

/** The rules that span one volunteer's shifts: overlap, rest, hours per day, no-shows. */
class VolunteerScheduleRulesTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID ALICE = UUID.randomUUID();
    static final UUID ALICE_AGAIN = UUID.randomUUID();
    static final UUID SCHEDULE = VolunteerSchedule.idOf(CONFERENCE, personOf(ALICE));
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneOffset PDT = ZoneOffset.ofHours(-7);
    static final Instant LONG_BEFORE = Instant.parse("2027-01-01T00:00:00Z");

    private final AggregateTestFixture<VolunteerSchedule> fixture = new AggregateTestFixture<>(VolunteerSchedule.class);
    private final OtherAggregate<Shift> shifts = new OtherAggregate<>(Shift.class);
    private VolunteerRules rules = VolunteerRules.defaults(LOS_ANGELES);

    @BeforeEach
    void commandHandler() {
        fixture.registerAnnotatedCommandHandler(new ShiftSignUpCommandHandler(shifts.repository(),
                fixture.getRepository(), conference -> rules, NO_EARLIER_REGISTRATIONS, OtherAggregate.NONE_ERASED, NO_ATTENDEE_LOCKS, NO_LOCKS));
    }

    /** A shift on the other side, in the given offset, from {@code start} for {@code hours}. */
    private UUID shift(String start, double hours, ZoneOffset offset) {
        UUID id = UUID.randomUUID();
        Instant startsAt = OffsetDateTime.parse(start + offset.getId()).toInstant();
        Instant endsAt = startsAt.plus(Duration.ofMinutes(Math.round(hours * 60)));
        shifts.given(id, new ShiftScheduled(id, CONFERENCE, "Shift", "registration-desk", "Lobby", startsAt, endsAt,
                offset, 10, "olivia"));
        return id;
    }

    private UUID shift(String start, double hours) {
        return shift(start, hours, PDT);
    }

    /** Alice already holds the shift: it is on her schedule and she is on its list. */
    private ShiftBooked held(UUID shiftId) {
        return heldBy(ALICE, shiftId);
    }

    /** One of Alice's registrations holds the shift. */
    private ShiftBooked heldBy(UUID registration, UUID shiftId) {
        shifts.given(shiftId, new VolunteerSignedUp(shiftId, CONFERENCE, registration, "alice"));
        return bookingBy(registration, shiftId);
    }

    private ShiftBooked booking(UUID shiftId) {
        return bookingBy(ALICE, shiftId);
    }

    private ShiftBooked bookingBy(UUID registration, UUID shiftId) {
        ShiftTimes times = shiftTimes(shiftId);
        return new ShiftBooked(SCHEDULE, CONFERENCE, registration, shiftId, times.startsAt(), times.endsAt());
    }

    private ShiftTimes shiftTimes(UUID shiftId) {
        ShiftScheduled scheduled = (ShiftScheduled) shifts.allEventsOf(shiftId).getFirst();
        return new ShiftTimes(scheduled.startsAt(), scheduled.endsAt());
    }

    private static ShiftMessages.SignUpForShift signUp(UUID shiftId) {
        return new ShiftMessages.SignUpForShift(CONFERENCE, shiftId, ALICE, personOf(ALICE), "alice", LONG_BEFORE);
    }

    /** Alice registered again: a new attendee id, the same person. */
    private static ShiftMessages.SignUpForShift signUpAgain(UUID shiftId) {
        return new ShiftMessages.SignUpForShift(CONFERENCE, shiftId, ALICE_AGAIN, personOf(ALICE), "alice",
                LONG_BEFORE);
    }

    private static VolunteerScheduleClosed cancelled(UUID registration) {
        return new VolunteerScheduleClosed(SCHEDULE, CONFERENCE, registration);
    }

    private static ShiftAttendanceNoted noShow(UUID shiftId) {
        return new ShiftAttendanceNoted(SCHEDULE, shiftId, Attendance.NO_SHOW);
    }

    @Test
    void a_first_signup_opens_the_volunteers_schedule() {
        UUID evening = shift("2027-05-13T17:00:00", 2);
        fixture.givenNoPriorActivity()
                .when(signUp(evening))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(evening));
        assertThat(shifts.newEventsOf(evening)).containsExactly(
                new VolunteerSignedUp(evening, CONFERENCE, ALICE, "alice"));
    }

    @Test
    void refuses_a_signup_that_overlaps_another_shift() {
        UUID tableOne = shift("2027-05-13T17:00:00", 2);
        UUID tableTwo = shift("2027-05-13T18:00:00", 2);
        fixture.given(held(tableOne))
                .when(signUp(tableTwo))
                .expectException(OverlappingShiftException.class)
                .expectNoEvents();
        assertThat(shifts.newEventsOf(tableTwo)).isEmpty();
    }

    @Test
    void an_overlap_is_the_answer_even_when_the_other_shift_is_full() {
        UUID tableOne = shift("2027-05-13T17:00:00", 2);
        UUID fullTable = shift("2027-05-13T17:00:00", 2);
        for (int i = 0; i < 10; i++) {
            shifts.given(fullTable, new VolunteerSignedUp(fullTable, CONFERENCE, UUID.randomUUID(), "someone"));
        }
        fixture.given(held(tableOne))
                .when(signUp(fullTable))
                .expectException(OverlappingShiftException.class)
                .expectNoEvents();
    }

    @Test
    void allows_back_to_back_shifts_when_no_rest_is_required() {
        UUID afternoon = shift("2027-05-13T15:00:00", 2);
        UUID evening = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(afternoon))
                .when(signUp(evening))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(evening));
    }

    @Test
    void refuses_a_signup_with_too_little_rest_after_another_shift() {
        rules = new VolunteerRules(null, Duration.ofMinutes(60), 2, LOS_ANGELES);
        UUID afternoon = shift("2027-05-13T15:00:00", 2);
        UUID evening = shift("2027-05-13T17:30:00", 2);
        fixture.given(held(afternoon))
                .when(signUp(evening))
                .expectException(RestRuleViolatedException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_signup_with_too_little_rest_before_another_shift() {
        rules = new VolunteerRules(null, Duration.ofMinutes(60), 2, LOS_ANGELES);
        UUID night = shift("2027-05-13T20:00:00", 2);
        UUID evening = shift("2027-05-13T17:30:00", 2);
        fixture.given(held(night))
                .when(signUp(evening))
                .expectException(RestRuleViolatedException.class)
                .expectNoEvents();
    }

    @Test
    void allows_a_signup_after_exactly_the_minimum_rest() {
        rules = new VolunteerRules(null, Duration.ofMinutes(60), 2, LOS_ANGELES);
        UUID afternoon = shift("2027-05-13T15:00:00", 2);
        UUID evening = shift("2027-05-13T18:00:00", 2);
        fixture.given(held(afternoon))
                .when(signUp(evening))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(evening));
    }

    @Test
    void refuses_a_signup_beyond_the_maximum_hours_per_day() {
        rules = new VolunteerRules(Duration.ofHours(4), null, 2, LOS_ANGELES);
        UUID morning = shift("2027-05-13T09:00:00", 3);
        UUID afternoon = shift("2027-05-13T14:00:00", 2);
        fixture.given(held(morning))
                .when(signUp(afternoon))
                .expectException(RestRuleViolatedException.class)
                .expectNoEvents();
    }

    @Test
    void allows_hours_up_to_the_daily_maximum() {
        rules = new VolunteerRules(Duration.ofHours(4), null, 2, LOS_ANGELES);
        UUID morning = shift("2027-05-13T09:00:00", 3);
        UUID afternoon = shift("2027-05-13T14:00:00", 1);
        fixture.given(held(morning))
                .when(signUp(afternoon))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(afternoon));
    }

    @Test
    void counts_the_hours_per_day_in_the_conference_time_zone() {
        rules = new VolunteerRules(Duration.ofHours(4), null, 2, LOS_ANGELES);
        UUID afternoon = shift("2027-05-13T14:00:00", 3);
        UUID evening = shift("2027-05-14T01:00:00", 2, ZoneOffset.UTC);
        fixture.given(held(afternoon))
                .when(signUp(evening))
                .expectException(RestRuleViolatedException.class)
                .expectNoEvents();
    }

    @Test
    void counts_the_hours_per_day_in_the_shifts_offset_when_the_conference_zone_is_unknown() {
        rules = new VolunteerRules(Duration.ofHours(4), null, 2, null);
        UUID afternoon = shift("2027-05-13T14:00:00", 3);
        UUID evening = shift("2027-05-14T01:00:00", 2, ZoneOffset.UTC);
        fixture.given(held(afternoon))
                .when(signUp(evening))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(evening));
    }

    @Test
    void a_shift_past_midnight_counts_on_both_days() {
        rules = new VolunteerRules(Duration.ofHours(3), null, 2, LOS_ANGELES);
        UUID earlyMorning = shift("2027-05-14T01:00:00", 3);
        UUID lateNight = shift("2027-05-13T22:00:00", 2.5);
        fixture.given(held(earlyMorning))
                .when(signUp(lateNight))
                .expectException(RestRuleViolatedException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_volunteer_who_reached_the_no_show_limit() {
        UUID first = shift("2027-05-12T09:00:00", 2);
        UUID second = shift("2027-05-12T14:00:00", 2);
        UUID third = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(first), noShow(first), held(second), noShow(second))
                .when(signUp(third))
                .expectException(TooManyNoShowsException.class)
                .expectNoEvents();
    }

    @Test
    void accepts_a_volunteer_below_the_no_show_limit() {
        UUID first = shift("2027-05-12T09:00:00", 2);
        UUID third = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(first), noShow(first))
                .when(signUp(third))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(third));
    }

    @Test
    void a_corrected_no_show_no_longer_counts() {
        UUID first = shift("2027-05-12T09:00:00", 2);
        UUID second = shift("2027-05-12T14:00:00", 2);
        UUID third = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(first), noShow(first), held(second), noShow(second),
                        new ShiftAttendanceNoted(SCHEDULE, second, Attendance.PRESENT))
                .when(signUp(third))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(third));
    }

    @Test
    void follows_the_no_show_limit_the_conference_set() {
        rules = new VolunteerRules(null, null, 1, LOS_ANGELES);
        UUID first = shift("2027-05-12T09:00:00", 2);
        UUID third = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(first), noShow(first))
                .when(signUp(third))
                .expectException(TooManyNoShowsException.class)
                .expectNoEvents();
    }

    @Test
    void refuses_a_signup_after_the_registration_was_cancelled() {
        UUID evening = shift("2027-05-13T17:00:00", 2);
        fixture.given(new VolunteerScheduleClosed(SCHEDULE, CONFERENCE, ALICE))
                .when(signUp(evening))
                .expectException(NotRegisteredException.class)
                .expectNoEvents();
    }

    @Test
    void no_shows_follow_the_person_into_a_new_registration() {
        UUID first = shift("2027-05-12T09:00:00", 2);
        UUID second = shift("2027-05-12T14:00:00", 2);
        UUID third = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(first), noShow(first), held(second), noShow(second), cancelled(ALICE))
                .when(signUpAgain(third))
                .expectException(TooManyNoShowsException.class)
                .expectNoEvents();
    }

    @Test
    void a_shift_a_cancelled_registration_kept_still_counts_for_the_persons_overlaps() {
        UUID evening = shift("2027-05-13T17:00:00", 2);
        UUID overlapping = shift("2027-05-13T18:00:00", 2);
        fixture.given(held(evening), cancelled(ALICE))
                .when(signUpAgain(overlapping))
                .expectException(OverlappingShiftException.class)
                .expectNoEvents();
    }

    @Test
    void a_shift_a_cancelled_registration_kept_still_counts_for_the_persons_rest() {
        rules = new VolunteerRules(null, Duration.ofMinutes(60), 2, LOS_ANGELES);
        UUID evening = shift("2027-05-13T17:00:00", 2);
        UUID tooSoon = shift("2027-05-13T19:30:00", 2);
        fixture.given(held(evening), cancelled(ALICE))
                .when(signUpAgain(tooSoon))
                .expectException(RestRuleViolatedException.class)
                .expectNoEvents();
    }

    @Test
    void a_cancelled_registration_does_not_close_the_persons_new_one() {
        UUID before = shift("2027-05-12T09:00:00", 2);
        UUID evening = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(before), cancelled(ALICE))
                .when(signUpAgain(evening))
                .expectSuccessfulHandlerExecution()
                .expectEvents(bookingBy(ALICE_AGAIN, evening));
    }

    @Test
    void a_cancellation_releases_only_the_shifts_of_the_cancelled_registration() {
        UUID oldRegistrations = shift("2027-05-13T09:00:00", 2);
        UUID newRegistrations = shift("2027-05-13T17:00:00", 2);
        fixture.given(heldBy(ALICE, oldRegistrations), heldBy(ALICE_AGAIN, newRegistrations))
                .when(new ShiftMessages.WithdrawCancelledAttendee(CONFERENCE, ALICE_AGAIN, personOf(ALICE),
                        LONG_BEFORE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShiftReleased(SCHEDULE, newRegistrations), cancelled(ALICE_AGAIN));
        assertThat(shifts.newEventsOf(oldRegistrations)).isEmpty();
    }

    @Test
    void a_withdrawal_frees_the_time_for_another_shift() {
        UUID tableOne = shift("2027-05-13T17:00:00", 2);
        UUID tableTwo = shift("2027-05-13T17:00:00", 2);
        fixture.given(held(tableOne), new ShiftReleased(SCHEDULE, tableOne))
                .when(signUp(tableTwo))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booking(tableTwo));
    }

    @Test
    void a_cancellation_releases_only_the_shifts_that_had_not_started() {
        UUID started = shift("2027-05-13T09:00:00", 2);
        UUID later = shift("2027-05-13T17:00:00", 2);
        Instant cancelledAt = OffsetDateTime.parse("2027-05-13T10:00:00-07:00").toInstant();
        fixture.given(held(started), held(later))
                .when(new ShiftMessages.WithdrawCancelledAttendee(CONFERENCE, ALICE, personOf(ALICE), cancelledAt))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShiftReleased(SCHEDULE, later),
                        new VolunteerScheduleClosed(SCHEDULE, CONFERENCE, ALICE));
        assertThat(shifts.newEventsOf(started)).isEmpty();
        assertThat(shifts.newEventsOf(later)).containsExactly(new VolunteerWithdrew(later, CONFERENCE, ALICE, null,
                VolunteerWithdrew.Reason.REGISTRATION_CANCELLED));
    }
}
