package io.lanyard.dinners.seating.read.tickets;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.dinners.seating.write.ScheduledDinners;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

/** Who comes to a dinner (the paid-for tickets) and what the kitchen must know about them. */
@RestController
class GuestListController {

    /** {@code dietarySummary}: how many guests listed each requirement, by requirement. */
    record GuestList(List<TicketView.Guest> guests, Map<String, Integer> dietarySummary) {

        static GuestList of(List<TicketView.Guest> guests) {
            Map<String, Integer> summary = new TreeMap<>();
            guests.forEach(guest -> guest.dietaryRequirements().forEach(r -> summary.merge(r, 1, Integer::sum)));
            return new GuestList(guests, summary);
        }
    }

    private final TicketView tickets;
    private final ScheduledDinners dinners;
    private final Organizers organizers;

    GuestListController(TicketView tickets, ScheduledDinners dinners, Organizers organizers) {
        this.tickets = tickets;
        this.dinners = dinners;
        this.organizers = organizers;
    }

    @GetMapping("/conferences/{conferenceId}/dinners/{dinnerId}/guests")
    GuestList listDinnerGuests(@PathVariable UUID conferenceId, @PathVariable UUID dinnerId, Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        if (!dinners.exists(conferenceId, dinnerId)) {
            throw new NotFoundException("dinner", dinnerId);
        }
        return GuestList.of(tickets.guests(dinnerId));
    }
}
