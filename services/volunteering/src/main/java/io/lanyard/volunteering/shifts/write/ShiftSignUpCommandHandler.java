package io.lanyard.volunteering.shifts.write;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.CommitLocks;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.web.NotFoundException;

/**
 * The commands that touch a shift and a volunteer's schedule together. Each loads both aggregates in one unit of
 * work, one transaction, and holds both locks until it commits: every rule is checked against state nobody else
 * can change meanwhile. Both are asked before either changes, so a refusal is thrown before any event exists.
 * Before each load it takes a database lock on the volunteer or the shift that lasts until the transaction commits
 * (the platform's {@link AttendeeLocks}, which the reaction to a cancellation takes too, and {@link CommitLocks}),
 * always the volunteer first, then shifts in id order, so two commands never wait on each other in a circle. Taking
 * one also gives the transaction its connection before it queues for an aggregate, so whoever holds a lock never
 * waits for a connection its waiters hold.
 */
@Component
class ShiftSignUpCommandHandler {

    private final Repository<Shift> shifts;
    private final Repository<VolunteerSchedule> schedules;
    private final VolunteerRulesSource policies;
    private final AttendeeLocks volunteerLocks;
    private final CommitLocks shiftLocks;

    ShiftSignUpCommandHandler(Repository<Shift> shifts, Repository<VolunteerSchedule> schedules,
                              VolunteerRulesSource policies, AttendeeLocks volunteerLocks, CommitLocks shiftLocks) {
        this.shifts = shifts;
        this.schedules = schedules;
        this.policies = policies;
        this.volunteerLocks = volunteerLocks;
        this.shiftLocks = shiftLocks;
    }

    @CommandHandler
    void handle(ShiftMessages.SignUpForShift command) throws Refusal {
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId());
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
        schedule.execute(s -> s.book(command.conferenceId(), command.attendeeId(), command.shiftId(), times));
    }

    @CommandHandler
    void handle(ShiftMessages.WithdrawFromShift command) throws Refusal {
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId());
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
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId());
        Aggregate<Shift> shift = shiftIn(command.conferenceId(), command.shiftId());
        Optional<Refusal> refusal = shift.invoke(s -> s.refusalToRecordAttendance(command.attendeeId(), command.at()));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (shift.invoke(s -> s.recordAttendance(command.attendeeId(), command.status(), command.recordedBy()))) {
            schedule.execute(s -> s.noteAttendance(command.shiftId(), command.status()));
        }
    }

    /** Shifts that started before the cancellation keep their record; later ones get their place back. */
    @CommandHandler
    void handle(ShiftMessages.WithdrawCancelledAttendee command) {
        Aggregate<VolunteerSchedule> schedule = scheduleOf(command.conferenceId(), command.attendeeId());
        for (UUID shiftId : schedule.invoke(VolunteerSchedule::bookedShifts)) {
            Aggregate<Shift> shift = shift(shiftId);
            if (!shift.invoke(s -> s.hasStartedAt(command.cancelledAt()))) {
                shift.execute(s -> s.withdraw(command.attendeeId(), null,
                        VolunteerWithdrew.Reason.REGISTRATION_CANCELLED));
                schedule.execute(s -> s.release(shiftId));
            }
        }
        schedule.execute(s -> s.close(command.conferenceId(), command.attendeeId()));
    }

    private Aggregate<VolunteerSchedule> scheduleOf(UUID conferenceId, UUID attendeeId) {
        volunteerLocks.lock(attendeeId);
        try {
            return schedules.loadOrCreate(VolunteerSchedule.idOf(conferenceId, attendeeId).toString(),
                    VolunteerSchedule::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not load the schedule of " + attendeeId, e);
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
        shiftLocks.lock("shift/" + shiftId);
        return shifts.load(shiftId.toString());
    }
}
