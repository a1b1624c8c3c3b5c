package io.lanyard.registration.registrations.write;

import java.time.Clock;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

/**
 * Erasure at the person's or an organizer's request. Registration destroys its key for the attendee and tells
 * every other service, which do the same ({@code registration.attendee-erased}); 202, as the others follow.
 */
@RestController
class ErasureController {

    private final Commands commands;
    private final Attendees attendees;
    private final Organizers organizers;
    private final Clock clock;

    ErasureController(Commands commands, Attendees attendees, Organizers organizers, Clock clock) {
        this.commands = commands;
        this.attendees = attendees;
        this.organizers = organizers;
        this.clock = clock;
    }

    /** 202 (the other services follow), which the platform's OpenAPI shaping reads from the annotation. */
    @PostMapping("/conferences/{conferenceId}/attendees/{attendeeId}/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void eraseAttendee(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller)
            throws Refusal {
        organizers.requireConference(conferenceId);
        Attendees.KnownAttendee attendee = attendees.find(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("registration", attendeeId));
        organizers.requireSelfOrOrganizer(conferenceId, attendee.subject(), caller);
        commands.sendOrRefuse(new RegistrationMessages.EraseAttendee(attendeeId, clock.instant()));
    }
}
