package io.lanyard.dinners.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import io.lanyard.dinners.seating.write.TicketCancelled;
import io.lanyard.dinners.seating.write.TicketConfirmed;
import io.lanyard.dinners.seating.write.TicketExpired;
import io.lanyard.dinners.seating.write.TicketHeld;
import io.lanyard.dinners.seating.write.TicketPromoted;
import io.lanyard.dinners.seating.write.TicketWaitlisted;
import io.lanyard.kernel.events.dinners.DinnerTicketCancelled;
import io.lanyard.kernel.events.dinners.DinnerTicketConfirmed;
import io.lanyard.kernel.events.dinners.DinnerTicketExpired;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.dinners.DinnerTicketPromoted;
import io.lanyard.kernel.events.dinners.DinnerTicketWaitlisted;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.IntegrationPublishing;

/**
 * The one place where dinners' domain events become integration events. The Kafka key is the conference, so a
 * consumer sees one attendee's ticket move from held to confirmed in that order; the event id is the domain
 * event's, so a re-publish is recognised downstream as the same fact. Scheduling a dinner is not published: no
 * other service needs it.
 */
@Component
@ProcessingGroup(IntegrationPublishing.PROCESSING_GROUP)
class DinnerEventsToKafka {

    private final IntegrationEventPublisher publisher;

    DinnerEventsToKafka(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(TicketHeld e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new DinnerTicketHeld(id, e.conferenceId(), at, e.dinnerId(), e.ticketId(),
                e.attendeeId(), e.dinnerName(), e.dinnerStartsAt(), e.holdExpiresAt()));
    }

    @EventHandler
    void on(TicketWaitlisted e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new DinnerTicketWaitlisted(id, e.conferenceId(), at, e.dinnerId(),
                e.ticketId(), e.attendeeId(), e.dinnerName(), e.dinnerStartsAt()));
    }

    @EventHandler
    void on(TicketPromoted e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new DinnerTicketPromoted(id, e.conferenceId(), at, e.dinnerId(),
                e.ticketId(), e.attendeeId(), e.holdExpiresAt()));
    }

    @EventHandler
    void on(TicketConfirmed e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new DinnerTicketConfirmed(id, e.conferenceId(), at, e.dinnerId(),
                e.ticketId(), e.attendeeId()));
    }

    @EventHandler
    void on(TicketExpired e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new DinnerTicketExpired(id, e.conferenceId(), at, e.dinnerId(),
                e.ticketId(), e.attendeeId()));
    }

    @EventHandler
    void on(TicketCancelled e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new DinnerTicketCancelled(id, e.conferenceId(), at, e.dinnerId(),
                e.ticketId(), e.attendeeId(), e.refundDue()));
    }
}
