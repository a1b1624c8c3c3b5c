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
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.problems.Refusal;

/**
 * Who may announce a sprint, sign up for it, leave it or record attendance, decided and sent: checks and command in
 * one transaction, a sign-up under the attendee's lock so it cannot pass that attendee's cancellation. Each of these
 * transactions reads the database before it queues for the sprint's lock, so whoever holds that lock already has
 * its connection: a rush of sign-ups may fill the pool with waiters, but never starves the one they wait for.
 */
@Service
class SprintParticipation {

    private final Commands commands;
    private final SprintAccess access;
    private final Attendees attendees;
    private final AttendeeLocks locks;
    private final IdGenerator ids;
    private final Clock clock;

    SprintParticipation(Commands commands, SprintAccess access, Attendees attendees, AttendeeLocks locks,
                        IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.attendees = attendees;
        this.locks = locks;
        this.ids = ids;
        this.clock = clock;
    }

    /** An organizer announces a sprint for any registered attendee; an attendee only one they lead themselves. */
    @Transactional
    public UUID announce(UUID conferenceId, String project, String description, UUID leaderAttendeeId, int seatsPerDay,
                         List<LocalDate> days, Caller caller) throws Refusal {
        attendees.requireActingFor(conferenceId, leaderAttendeeId, caller);
        UUID sprintId = ids.generateId();
        commands.sendOrRefuse(new SprintMessages.AnnounceSprint(sprintId, conferenceId, project, description,
                leaderAttendeeId, seatsPerDay, days, caller.subject(), clock.instant()));
        return sprintId;
    }

    @Transactional
    public void signUp(UUID conferenceId, UUID sprintId, UUID attendeeId, List<LocalDate> days, Caller caller)
            throws Refusal {
        access.sprint(conferenceId, sprintId);
        locks.lock(attendeeId);
        attendees.requireActingFor(conferenceId, attendeeId, caller);
        commands.sendOrRefuse(new SprintMessages.SignUpForSprint(sprintId, attendeeId, days, caller.subject(),
                clock.instant()));
    }

    /** The participant withdraws, or the leader or an organizer takes them off the list. */
    @Transactional
    public void leave(UUID conferenceId, UUID sprintId, UUID attendeeId, Caller caller) {
        AnnouncedSprints.AnnouncedSprint sprint = access.sprint(conferenceId, sprintId);
        LeaveReason reason;
        if (access.isAttendee(conferenceId, attendeeId, caller)) {
            reason = LeaveReason.WITHDREW;
        } else {
            access.requireLeaderOrOrganizer(sprint, caller);
            reason = LeaveReason.REMOVED;
        }
        commands.send(new SprintMessages.LeaveSprint(sprintId, attendeeId, reason, caller.subject(),
                clock.instant()));
    }

    @Transactional
    public void recordAttendance(UUID conferenceId, UUID sprintId, UUID attendeeId, LocalDate day, Caller caller)
            throws Refusal {
        access.requireLeaderOrOrganizer(access.sprint(conferenceId, sprintId), caller);
        commands.sendOrRefuse(new SprintMessages.RecordAttendance(sprintId, attendeeId, day, caller.subject(),
                clock.instant()));
    }
}
