package io.lanyard.platform.directory;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.security.Caller;

/** Shows what this service knows of an attendee, so operators can see replication at work. */
@RestController
class KnownAttendeeController {

    private final Attendees attendees;

    KnownAttendeeController(Attendees attendees) {
        this.attendees = attendees;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}")
    Attendees.KnownAttendee getKnownAttendee(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller) {
        return attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
    }
}
