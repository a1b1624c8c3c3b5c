package io.lanyard.registration.registrations.read.itinerary;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

@RestController
class ItineraryController {

    private final Itinerary itinerary;
    private final Attendees attendees;
    private final Organizers organizers;

    ItineraryController(Itinerary itinerary, Attendees attendees, Organizers organizers) {
        this.itinerary = itinerary;
        this.attendees = attendees;
        this.organizers = organizers;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}/itinerary")
    Itinerary.View getItinerary(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller) {
        organizers.requireConference(conferenceId);
        Attendees.KnownAttendee attendee = attendees.find(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("attendee", attendeeId));
        organizers.requireSelfOrOrganizer(conferenceId, attendee.subject(), caller);
        return itinerary.of(conferenceId, attendeeId);
    }
}
