package io.lanyard.platform.directory;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.ForbiddenException;
import io.lanyard.platform.web.NotFoundException;

/** Shows what this service knows of an attendee, so operators can see replication at work. */
@RestController
class KnownAttendeeController {

    private final Attendees attendees;
    private final Organizers organizers;

    KnownAttendeeController(Attendees attendees, Organizers organizers) {
        this.attendees = attendees;
        this.organizers = organizers;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}")
    Attendees.KnownAttendee attendee(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller) {
        Attendees.KnownAttendee attendee = attendees.findCatchingUp(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("attendee", attendeeId));
        if (!attendee.subject().equals(caller.subject()) && !organizers.isOrganizer(conferenceId, caller.subject())) {
            throw new ForbiddenException("only the attendee and organizers may see this");
        }
        return attendee;
    }
}
