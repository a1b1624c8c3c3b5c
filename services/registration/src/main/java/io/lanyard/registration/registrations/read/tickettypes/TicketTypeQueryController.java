package io.lanyard.registration.registrations.read.tickettypes;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.web.NotFoundException;

@RestController
class TicketTypeQueryController {

    private final TicketTypeView view;

    TicketTypeQueryController(TicketTypeView view) {
        this.view = view;
    }

    @GetMapping("/conferences/{conferenceId}/ticket-types/{ticketTypeId}")
    TicketTypeView.TicketTypeSummary getTicketType(@PathVariable UUID conferenceId, @PathVariable UUID ticketTypeId) {
        return view.find(conferenceId, ticketTypeId).orElseThrow(() -> new NotFoundException("ticket type", ticketTypeId));
    }
}
