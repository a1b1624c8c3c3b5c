package io.lanyard.dinners.seating.read.tickets;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

@RestController
class TicketQueryController {

    private final TicketView tickets;
    private final Attendees attendees;

    TicketQueryController(TicketView tickets, Attendees attendees) {
        this.tickets = tickets;
        this.attendees = attendees;
    }

    /** The ticket's attendee and the conference's organizers may look. */
    @GetMapping("/conferences/{conferenceId}/dinners/{dinnerId}/tickets/{ticketId}")
    TicketView.TicketDetails getDinnerTicket(@PathVariable UUID conferenceId, @PathVariable UUID dinnerId,
                                 @PathVariable UUID ticketId, Caller caller) {
        TicketView.TicketDetails ticket = tickets.find(conferenceId, dinnerId, ticketId)
                .orElseThrow(() -> new NotFoundException("ticket", ticketId));
        attendees.requireSelfOrOrganizer(conferenceId, ticket.attendeeId(), caller);
        return ticket;
    }
}
