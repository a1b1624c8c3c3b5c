package io.lanyard.volunteering.shifts.write;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.CommitLocks;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.web.NotFoundException;

/**
 * The commands that touch a shift and a volunteer's schedule together. Each loads both aggregates in one unit of
 * work, one transaction, and holds both locks until it commits: every rule is checked against state nobody else
 * can change meanwhile. Both are asked before either changes, so a refusal is thrown before any event exists.
 * Before each load it takes a database lock that lasts until the transaction commits: on the registration (the
 * platform's {@link AttendeeLocks}, which the reaction to a cancellation takes too), on the person's schedule and on
 * each shift ({@link CommitLocks}), always in that order and shifts in id order ({@link ShiftSignUpLocks}), so two
 * commands never wait on each other in a circle. Taking one also gives the transaction its connection before it
 * queues for an aggregate, so whoever holds a lock never waits for a connection its waiters hold. Sign-ups for one
 * shift decided together have taken all their locks in that order before the first of them runs
 * ({@link ShiftSignUpsLockedFirst}).
 */
@Component
class ShiftSignUpCommandHandler {

    private final Repository<Shift> shifts;
    private final Repository<VolunteerSchedule> schedules;
    private final VolunteerRulesSource policies;
    private final PersonRegistrations registrations;
    private final ShiftSignUpLocks locks;

    ShiftSignUpCommandHandler(Repository<Shift> shifts, Repository<VolunteerSchedule> schedules,
                              VolunteerRulesSource policies, PersonRegistrations registrations,
                              ErasedVolunteers erased, AttendeeLocks volunteerLocks, CommitLocks locks) {
        this.shifts = shifts;
        this.schedules = schedules;
        this.policies = policies;
        this.registrations = registrations;
        this.locks = new ShiftSignUpLocks(erased, volunteerLocks, locks);
    }

    @CommandHandler
    void handle(ShiftMessages.SignUpForShift command) throws Refusal {
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId(),
                command.person());
        UUID scheduleId = locks.scheduleIdOf(command.conferenceId(), command.attendeeId(), command.person());
        Aggregate<Shift> shift = shiftIn(command.conferenceId(), command.shiftId());
        ShiftTimes times = shift.invoke(Shift::times);
        VolunteerRules rules = policies.rulesFor(command.conferenceId());
        ZoneId dayZone = rules.dayZone() != null ? rules.dayZone() : shift.invoke(Shift::offset);
        // What the volunteer cannot do at all comes before the shift being full: someone already busy that
        // evening learns that, not that a table they could not take anyway has no place left.
        Optional<Refusal> refusal = shift.invoke(s -> s.refusalToSignUp(command.attendeeId(), command.at()))
                .or(() -> schedule.invoke(s -> s.refusalToBook(command.attendeeId(), times, rules, dayZone)))
                .or(() -> shift.invoke(Shift::refusalWhenFull));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        shift.execute(s -> s.signUp(command.attendeeId(), command.signedUpBy()));
        schedule.execute(s -> s.book(scheduleId, command.conferenceId(), command.attendeeId(), command.shiftId(),
                times));
    }

    @CommandHandler
    void handle(ShiftMessages.WithdrawFromShift command) throws Refusal {
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId(),
                command.person());
        Aggregate<Shift> shift = shiftIn(command.conferenceId(), command.shiftId());
        if (!shift.invoke(s -> s.hasVolunteer(command.attendeeId()))) {
            return;
        }
        Optional<Refusal> refusal = shift.invoke(s -> s.refusalToWithdraw(command.at()));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        shift.execute(s -> s.withdraw(command.attendeeId(), command.withdrawnBy(),
                VolunteerWithdrew.Reason.ON_REQUEST));
        schedule.execute(s -> s.release(command.shiftId()));
    }

    @CommandHandler
    void handle(ShiftMessages.RecordAttendance command) throws Refusal {
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId(),
                command.person());
        Aggregate<Shift> shift = shiftIn(command.conferenceId(), command.shiftId());
        Optional<Refusal> refusal = shift.invoke(s ->
                s.refusalToRecordAttendance(command.attendeeId(), command.at()));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (shift.invoke(s -> s.recordAttendance(command.attendeeId(), command.status(), command.recordedBy()))) {
            schedule.execute(s -> s.noteAttendance(command.shiftId(), command.status()));
        }
    }

    /**
     * Shifts that started before the cancellation keep their record; later ones get their place back. Only the
     * cancelled registration's shifts: the person may hold others under a registration of theirs still in force.
     */
    @CommandHandler
    void handle(ShiftMessages.WithdrawCancelledAttendee command) {
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId(),
                command.person());
        for (UUID shiftId : schedule.invoke(s -> s.shiftsHeldBy(command.attendeeId()))) {
            Aggregate<Shift> shift = shift(shiftId);
            if (!shift.invoke(s -> s.hasStartedAt(command.cancelledAt()))) {
                shift.execute(s -> s.withdraw(command.attendeeId(), null,
                        VolunteerWithdrew.Reason.REGISTRATION_CANCELLED));
                schedule.execute(s -> s.release(shiftId));
            }
        }
        UUID scheduleId = locks.scheduleIdOf(command.conferenceId(), command.attendeeId(), command.person());
        schedule.execute(s -> s.close(scheduleId, command.conferenceId(), command.attendeeId()));
    }

    /**
     * The person's schedule, under the registration's lock (the one its cancellation takes) and then the schedule's
     * own: the person's other registrations take other attendee locks, and must still queue here.
     */
    private Aggregate<VolunteerSchedule> scheduleOf(UUID conferenceId, UUID attendeeId, String person) {
        UUID id = locks.lockSchedule(conferenceId, attendeeId, person);
        Aggregate<VolunteerSchedule> schedule = load(id);
        if (schedule.invoke(VolunteerSchedule::isNew)) {
            carryOverSchedulesKeptPerRegistration(conferenceId, attendeeId, person, id, schedule);
        }
        return schedule;
    }

    /**
     * Schedules used to be kept per registration. The first time a person's own schedule is loaded, whatever
     * their registrations' schedules hold (shifts, no-shows, a cancellation) joins it, so that nobody's history is
     * lost on the way; once it has any event, they have been carried over or there were none.
     */
    private void carryOverSchedulesKeptPerRegistration(UUID conferenceId, UUID attendeeId, String person,
                                                       UUID scheduleId, Aggregate<VolunteerSchedule> schedule) {
        // every erased attendee reads as the same placeholder: only this registration is known to be theirs
        List<UUID> theirs = PersonalFields.isErased(person) ? List.of(attendeeId)
                : registrations.of(conferenceId, person);
        for (UUID registration : theirs) {
            Aggregate<VolunteerSchedule> kept = load(VolunteerSchedule.keptPerRegistration(conferenceId, registration));
            if (!kept.invoke(VolunteerSchedule::isNew)) {
                ScheduleCarriedOver carried = kept.invoke(k -> k.carriedOverTo(scheduleId, conferenceId,
                        registration));
                schedule.execute(s -> s.carryOver(carried));
            }
        }
    }

    private Aggregate<VolunteerSchedule> load(UUID scheduleId) {
        try {
            return schedules.loadOrCreate(scheduleId.toString(), VolunteerSchedule::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not load the schedule " + scheduleId, e);
        }
    }

    private Aggregate<Shift> shiftIn(UUID conferenceId, UUID shiftId) {
        Aggregate<Shift> shift = shift(shiftId);
        if (!shift.invoke(s -> s.belongsTo(conferenceId))) {
            throw new NotFoundException("shift", shiftId);
        }
        return shift;
    }

    private Aggregate<Shift> shift(UUID shiftId) {
        locks.lockShift(shiftId);
        return shifts.load(shiftId.toString());
    }
}
