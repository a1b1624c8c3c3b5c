package io.lanyard.sprints.sprint.write;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.ForbiddenException;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.sprints.sprint.write.AnnouncedSprints.AnnouncedSprint;

/**
 * Who may do what with a sprint. The leader is the attendee named when the sprint was announced; a caller leads it
 * when their subject is that attendee's subject in the replica of registration's attendees, and only while that
 * registration stands.
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

    public boolean organizes(AnnouncedSprint sprint, Caller caller) {
        return organizers.isOrganizer(sprint.conferenceId(), caller.subject());
    }

    public boolean leads(AnnouncedSprint sprint, Caller caller) {
        return attendees.find(sprint.conferenceId(), sprint.leaderAttendeeId())
                .filter(Attendees.KnownAttendee::active)
                .map(leader -> leader.subject().equals(caller.subject()))
                .orElse(false);
    }

    public boolean isAttendee(UUID conferenceId, UUID attendeeId, Caller caller) {
        return attendees.find(conferenceId, attendeeId)
                .map(attendee -> attendee.subject().equals(caller.subject()))
                .orElse(false);
    }

    public void requireLeaderOrOrganizer(AnnouncedSprint sprint, Caller caller) {
        if (!leads(sprint, caller) && !organizes(sprint, caller)) {
            throw new ForbiddenException("only the sprint's leader and the conference's organizers may do this");
        }
    }
}
