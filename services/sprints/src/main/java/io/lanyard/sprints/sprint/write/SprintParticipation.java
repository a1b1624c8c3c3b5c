package io.lanyard.sprints.sprint.write;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.IdGenerator;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.ConferenceCalendar;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.problems.Refusal;

/**
 * Who may announce a sprint, sign up for it, leave it or record attendance, decided and sent. Announcing, leaving and
 * recording attendance are checks and command in one transaction; each reads the database before it queues for the
 * sprint's lock, so whoever holds that lock already has its connection. A sign-up is checked outside any
 * transaction and sent from there, to be decided under the attendee's lock together with the other sign-ups queued
 * for the sprint ({@link SprintMessages.SignUpForSprint}): a queued sign-up holds no connection.
 * <p>
 * The checks in a transaction look at the replica once: the caller has given replication its moment before the
 * transaction opened ({@link SprintAccess}); the sign-up's check, outside one, gives it that moment itself.
 */
@Service
class SprintParticipation {

    private final Commands commands;
    private final SprintAccess access;
    private final ConferenceCalendar calendar;
    private final IdGenerator ids;
    private final Clock clock;

    SprintParticipation(Commands commands, SprintAccess access, ConferenceCalendar calendar, IdGenerator ids,
                        Clock clock) {
        this.commands = commands;
        this.access = access;
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

    /**
     * Sent outside any transaction, so that in a rush the sign-ups queued for one sprint are decided together
     * ({@link SprintMessages.SignUpForSprint}): the command bus takes the attendee's lock in the command's transaction
     * and only then checks the registration, and a collision with another instance's append is tried again by
     * {@link Commands}. Whether the sprint exists and the caller may act for the attendee is settled here first,
     * outside a transaction, where an attendee registered a moment ago is given replication's moment.
     */
    public void signUp(UUID conferenceId, UUID sprintId, UUID attendeeId, List<LocalDate> days, Caller caller)
            throws Refusal {
        access.requireMaySignUp(conferenceId, sprintId, attendeeId, caller);
        commands.sendOrRefuse(new SprintMessages.SignUpForSprint(sprintId, conferenceId, attendeeId, days,
                caller.subject(), clock.instant()));
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
