package io.lanyard.sprints.sprint.write;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.problems.NotRegisteredException;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.sprints.sprint.write.AnnouncedSprints.AnnouncedSprint;

/**
 * Who may do what with a sprint. The leader is the attendee named when the sprint was announced; a caller leads it
 * when their subject is that attendee's subject in the replica of registration's attendees, and only while that
 * registration stands. The leader manages other attendees' places, so "the leader or an organizer" is a rule of its
 * own, not the platform's "the attendee or an organizer"; its organizer half is the platform's, which gives an
 * organizer made a moment ago replication's moment.
 * <p>
 * That moment is given only outside a transaction (inside one the platform looks once: waiting there would hold a
 * pooled connection for as long as it lasts). So the endpoints whose command runs in a transaction of its own ask
 * each {@code requireMay…} question twice: before the transaction opens, where a conference, attendee or organizer
 * not replicated yet is waited for and a refusal costs no transaction, and again inside it, where the answer is the
 * one the command is sent on. A sign-up asks once, outside any transaction; whether the registration is still
 * active is decided again with the command, under the attendee's lock
 * ({@link io.lanyard.platform.directory.UnderAttendeeLock}).
 */
@Component
public class SprintAccess {

    private final AnnouncedSprints sprints;
    private final Organizers organizers;
    private final Attendees attendees;

    SprintAccess(AnnouncedSprints sprints, Organizers organizers, Attendees attendees) {
        this.sprints = sprints;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    /** 404 for a conference this service does not know, or a sprint that conference does not have. */
    public AnnouncedSprint sprint(UUID conferenceId, UUID sprintId) {
        organizers.requireConference(conferenceId);
        return sprints.announced(conferenceId, sprintId).orElseThrow(() -> new NotFoundException("sprint", sprintId));
    }

    /** An organizer announces a sprint for any registered attendee; an attendee only one they lead themselves. */
    void requireMayAnnounce(UUID conferenceId, UUID leaderAttendeeId, Caller caller) throws NotRegisteredException {
        attendees.requireActingFor(conferenceId, leaderAttendeeId, caller);
    }

    /** The attendee themself or an organizer signs a registered attendee up for a sprint the conference has. */
    void requireMaySignUp(UUID conferenceId, UUID sprintId, UUID attendeeId, Caller caller)
            throws NotRegisteredException {
        sprint(conferenceId, sprintId);
        attendees.requireActingFor(conferenceId, attendeeId, caller);
    }

    /** The participant withdraws, or the leader or an organizer takes them off the list (403 for anyone else). */
    LeaveReason requireMayLeave(UUID conferenceId, UUID sprintId, UUID attendeeId, Caller caller) {
        AnnouncedSprint sprint = sprint(conferenceId, sprintId);
        if (isAttendee(conferenceId, attendeeId, caller)) {
            return LeaveReason.WITHDREW;
        }
        requireLeaderOrOrganizer(sprint, caller);
        return LeaveReason.REMOVED;
    }

    /** The leader or an organizer records who came. */
    void requireMayRecordAttendance(UUID conferenceId, UUID sprintId, Caller caller) {
        requireLeaderOrOrganizer(sprint(conferenceId, sprintId), caller);
    }

    /** The sprint's leader, or an organizer of its conference (403 otherwise). */
    public void requireLeaderOrOrganizer(AnnouncedSprint sprint, Caller caller) {
        if (!leads(sprint, caller)) {
            organizers.requireOrganizer(sprint.conferenceId(), caller);
        }
    }

    /** The participant themself, the sprint's leader, or an organizer of its conference (403 otherwise). */
    public void requireParticipantLeaderOrOrganizer(AnnouncedSprint sprint, UUID attendeeId, Caller caller) {
        if (!leads(sprint, caller)) {
            // an attendee this service does not know has no subject a caller could have
            String participant = attendees.find(sprint.conferenceId(), attendeeId)
                    .map(Attendees.KnownAttendee::subject).orElse(null);
            organizers.requireSelfOrOrganizer(sprint.conferenceId(), participant, caller);
        }
    }

    private boolean leads(AnnouncedSprint sprint, Caller caller) {
        return attendees.find(sprint.conferenceId(), sprint.leaderAttendeeId())
                .filter(Attendees.KnownAttendee::active)
                .map(leader -> leader.subject().equals(caller.subject()))
                .orElse(false);
    }

    private boolean isAttendee(UUID conferenceId, UUID attendeeId, Caller caller) {
        return attendees.find(conferenceId, attendeeId)
                .map(attendee -> attendee.subject().equals(caller.subject()))
                .orElse(false);
    }
}
