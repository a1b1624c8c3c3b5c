package io.lanyard.dinners.seating.read.tickets;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Attendees.KnownAttendee;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;

/**
 * A copy of what dinners holds about one attendee: who the directory says they are and every ticket of theirs,
 * with what they asked for (dietary requirements) and paid with. Once they are erased, the placeholders.
 */
@RestController
class PersonalDataQueryController {

    record PersonalDataBody(UUID attendeeId, UUID conferenceId, String service, String subject, String name,
                            List<TicketView.PersonalTicket> tickets) {
    }

    private final TicketView tickets;
    private final Organizers organizers;
    private final Attendees attendees;

    PersonalDataQueryController(TicketView tickets, Organizers organizers, Attendees attendees) {
        this.tickets = tickets;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}/personal-data")
    PersonalDataBody exportDinnersPersonalData(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId,
                                               Caller caller) {
        organizers.requireConference(conferenceId);
        KnownAttendee attendee = attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
        return new PersonalDataBody(attendeeId, conferenceId, "dinners", attendee.subject(), attendee.name(),
                tickets.ticketsOf(conferenceId, attendeeId));
    }
}
