package io.lanyard.sprints.sprint.write;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.IdGenerator;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.ConferenceCalendar;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.problems.Refusal;

/**
 * Who may announce a sprint, sign up for it, leave it or record attendance, decided and sent: checks and command in
 * one transaction, a sign-up under the attendee's lock so it cannot pass that attendee's cancellation. Each of these
 * transactions reads the database before it queues for the sprint's lock, so whoever holds that lock already has
 * its connection: a rush of sign-ups may fill the pool with waiters, but never starves the one they wait for.
 * <p>
 * The checks look at the replica once: the caller has given replication its moment before the transaction opened
 * ({@link SprintAccess}).
 */
@Service
class SprintParticipation {

    private final Commands commands;
    private final SprintAccess access;
    private final AttendeeLocks locks;
    private final ConferenceCalendar calendar;
    private final IdGenerator ids;
    private final Clock clock;

    SprintParticipation(Commands commands, SprintAccess access, AttendeeLocks locks, ConferenceCalendar calendar,
                        IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.locks = locks;
        this.calendar = calendar;
        this.ids = ids;
        this.clock = clock;
    }

    /** Every day of the sprint within the conference's dates, widened by the margin for set-up and sprints. */
    @Transactional
    public UUID announce(UUID conferenceId, String project, String description, UUID leaderAttendeeId, int seatsPerDay,
                         List<LocalDate> days, Caller caller) throws Refusal {
        access.requireMayAnnounce(conferenceId, leaderAttendeeId, caller);
        for (LocalDate day : days) {
            calendar.requireWithin(conferenceId, day);
        }
        UUID sprintId = ids.generateId();
        commands.sendOrRefuse(new SprintMessages.AnnounceSprint(sprintId, conferenceId, project, description,
                leaderAttendeeId, seatsPerDay, days, caller.subject(), clock.instant()));
        return sprintId;
    }

    @Transactional
    public void signUp(UUID conferenceId, UUID sprintId, UUID attendeeId, List<LocalDate> days, Caller caller)
            throws Refusal {
        locks.lock(attendeeId);
        access.requireMaySignUp(conferenceId, sprintId, attendeeId, caller);
        commands.sendOrRefuse(new SprintMessages.SignUpForSprint(sprintId, attendeeId, days, caller.subject(),
                clock.instant()));
    }

    /** The participant withdraws, or the leader or an organizer takes them off the list. */
    @Transactional
    public void leave(UUID conferenceId, UUID sprintId, UUID attendeeId, Caller caller) {
        LeaveReason reason = access.requireMayLeave(conferenceId, sprintId, attendeeId, caller);
        commands.send(new SprintMessages.LeaveSprint(sprintId, attendeeId, reason, caller.subject(),
                clock.instant()));
    }

    /** Not before the day has begun where the conference takes place (the sprint decides, given that zone). */
    @Transactional
    public void recordAttendance(UUID conferenceId, UUID sprintId, UUID attendeeId, LocalDate day, Caller caller)
            throws Refusal {
        access.requireMayRecordAttendance(conferenceId, sprintId, caller);
        commands.sendOrRefuse(new SprintMessages.RecordAttendance(sprintId, attendeeId, day,
                calendar.zoneOf(conferenceId), caller.subject(), clock.instant()));
    }
}
