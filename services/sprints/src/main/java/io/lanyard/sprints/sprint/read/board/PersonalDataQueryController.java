package io.lanyard.sprints.sprint.read.board;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.platform.security.Caller;

/**
 * A copy of what sprints holds about one attendee: who the replica says they are, the sprints they signed up for
 * with their days and attendance, and the sprints they lead. Nothing of the other participants.
 */
@RestController
class PersonalDataQueryController {

    /** Once the attendee is erased, subject and name are gone: the sprints and days are ids and dates, and stay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonalDataBody(UUID attendeeId, UUID conferenceId, String service, String subject, String name,
                            Attendees.Status registration, List<SprintView.JoinedSprint> sprints, List<Led> leads) {
    }

    record Led(UUID sprintId, String project, String description, int capacity, List<LocalDate> days) {
    }

    private final SprintView view;
    private final Organizers organizers;
    private final Attendees attendees;

    PersonalDataQueryController(SprintView view, Organizers organizers, Attendees attendees) {
        this.view = view;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}/personal-data")
    PersonalDataBody exportSprintsPersonalData(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId,
                                               Caller caller) {
        organizers.requireConference(conferenceId);
        Attendees.KnownAttendee attendee = attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
        boolean erased = PersonalFields.isErased(attendee.subject());
        return new PersonalDataBody(attendeeId, conferenceId, "sprints", erased ? null : attendee.subject(),
                erased ? null : attendee.name(), attendee.status(),
                view.joinedBy(conferenceId, attendeeId),
                view.ledBy(conferenceId, attendeeId).stream()
                        .map(s -> new Led(s.id(), s.project(), s.description(), s.capacity(), s.days()))
                        .toList());
    }
}
