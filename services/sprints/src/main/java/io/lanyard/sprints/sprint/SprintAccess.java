package io.lanyard.sprints.sprint;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.ForbiddenException;
import io.lanyard.platform.web.NotFoundException;

/**
 * Who may do what with a sprint. The leader is the attendee named when the sprint was announced; a caller leads it
 * when their subject is that attendee's subject in the replica of registration's attendees, and only while that
 * registration stands.
 */
@Component
class SprintAccess {

    private final SprintView view;
    private final Organizers organizers;
    private final Attendees attendees;

    SprintAccess(SprintView view, Organizers organizers, Attendees attendees) {
        this.view = view;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    SprintView.SprintDetails sprint(UUID conferenceId, UUID sprintId) {
        organizers.requireConference(conferenceId);
        return view.find(conferenceId, sprintId).orElseThrow(() -> new NotFoundException("sprint", sprintId));
    }

    boolean organizes(SprintView.SprintDetails sprint, Caller caller) {
        return organizers.isOrganizer(sprint.conferenceId(), caller.subject());
    }

    boolean leads(SprintView.SprintDetails sprint, Caller caller) {
        return attendees.find(sprint.conferenceId(), sprint.leaderAttendeeId())
                .filter(Attendees.KnownAttendee::active)
                .map(leader -> leader.subject().equals(caller.subject()))
                .orElse(false);
    }

    boolean isAttendee(UUID conferenceId, UUID attendeeId, Caller caller) {
        return attendees.find(conferenceId, attendeeId)
                .map(attendee -> attendee.subject().equals(caller.subject()))
                .orElse(false);
    }

    void requireLeaderOrOrganizer(SprintView.SprintDetails sprint, Caller caller) {
        if (!leads(sprint, caller) && !organizes(sprint, caller)) {
            throw new ForbiddenException("only the sprint's leader and the conference's organizers may do this");
        }
    }
}
