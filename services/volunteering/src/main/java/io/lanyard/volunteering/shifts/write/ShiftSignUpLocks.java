package io.lanyard.volunteering.shifts.write;

import java.util.Collection;
import java.util.UUID;

import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.CommitLocks;
import io.lanyard.platform.personaldata.PersonalFields;

/**
 * The database locks a command on a shift and a volunteer's schedule takes, and their order: the registration (the
 * platform's {@link AttendeeLocks}, which the reaction to a cancellation takes too), the person's schedule, then
 * each shift ({@link CommitLocks}), within each kind in id order. Each lasts until the transaction ends, and taking
 * one again in the same transaction does not wait, so sign-ups decided together take all of theirs first
 * ({@link #lockAll}) and each handler's own turn finds them held.
 */
final class ShiftSignUpLocks {

    private final ErasedVolunteers erased;
    private final AttendeeLocks registrations;
    private final CommitLocks locks;

    ShiftSignUpLocks(ErasedVolunteers erased, AttendeeLocks registrations, CommitLocks locks) {
        this.erased = erased;
        this.registrations = registrations;
        this.locks = locks;
    }

    /** The registration's lock, then the person's schedule's; the schedule's id. */
    UUID lockSchedule(UUID conferenceId, UUID attendeeId, String person) {
        registrations.lock(attendeeId);
        UUID scheduleId = scheduleIdOf(conferenceId, attendeeId, person);
        locks.lock("schedule/" + scheduleId);
        return scheduleId;
    }

    void lockShift(UUID shiftId) {
        locks.lock("shift/" + shiftId);
    }

    /**
     * For sign-ups decided in one transaction: every registration, then every schedule, then the shift, each kind in
     * id order, before the first of them loads anything. One by one they would take a registration's lock while
     * holding the shift, the other way round from a cancellation or a sign-up for another shift.
     */
    void lockAll(Collection<ShiftMessages.SignUpForShift> signUps) {
        signUps.stream().map(ShiftMessages.SignUpForShift::attendeeId).distinct().sorted()
                .forEach(registrations::lock);
        signUps.stream().map(signUp -> scheduleIdOf(signUp.conferenceId(), signUp.attendeeId(), signUp.person()))
                .distinct().sorted().forEach(scheduleId -> locks.lock("schedule/" + scheduleId));
        signUps.stream().map(ShiftMessages.SignUpForShift::shiftId).distinct().sorted().forEach(this::lockShift);
    }

    /**
     * The person's schedule; for an erased attendee, whose {@code sub} is gone, the one kept for them when they
     * were erased, or (had this service not known them then) one of their own.
     */
    UUID scheduleIdOf(UUID conferenceId, UUID attendeeId, String person) {
        if (!PersonalFields.isErased(person)) {
            return VolunteerSchedule.idOf(conferenceId, person);
        }
        return erased.scheduleOf(attendeeId)
                .orElseGet(() -> VolunteerSchedule.idOf(conferenceId, PersonalFields.ERASED + " " + attendeeId));
    }
}
