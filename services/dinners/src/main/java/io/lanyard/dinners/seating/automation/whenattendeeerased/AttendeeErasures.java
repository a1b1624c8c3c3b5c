package io.lanyard.dinners.seating.automation.whenattendeeerased;

import org.springframework.stereotype.Component;

import io.lanyard.dinners.seating.read.tickets.TicketView;
import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/**
 * When registration erases an attendee, the ticket view forgets their dietary requirements, payment references
 * and remembered requests, in the inbox transaction that also destroys their key here (the platform's directory
 * replica): their sealed events read as erased from then on, and the view says no more than they do. Their tickets
 * stay as they are, so no seat, sale or requirement count moves; a second erasure finds nothing left to forget.
 */
@Component
class AttendeeErasures implements IntegrationEventSubscriber {

    private final TicketView tickets;

    AttendeeErasures(TicketView tickets) {
        this.tickets = tickets;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.project(AttendeeErased.class, erased -> tickets.erase(erased.attendeeId()));
    }
}
