package io.lanyard.dinners.publishing;

import static io.lanyard.platform.messaging.IntegrationPublishing.eventId;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
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
import io.lanyard.platform.axon.TraceHeaders;
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
    void on(TicketHeld e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new DinnerTicketHeld(eventId(message), e.conferenceId(), at, e.dinnerId(), e.ticketId(),
                e.attendeeId(),
                e.dinnerName(), e.dinnerStartsAt(), e.holdExpiresAt()), trace);
    }

    @EventHandler
    void on(TicketWaitlisted e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new DinnerTicketWaitlisted(eventId(message), e.conferenceId(), at, e.dinnerId(), e.ticketId(),
                e.attendeeId(), e.dinnerName(), e.dinnerStartsAt()), trace);
    }

    @EventHandler
    void on(TicketPromoted e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new DinnerTicketPromoted(eventId(message), e.conferenceId(), at, e.dinnerId(),
                e.ticketId(), e.attendeeId(),
                e.holdExpiresAt()), trace);
    }

    @EventHandler
    void on(TicketConfirmed e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new DinnerTicketConfirmed(eventId(message), e.conferenceId(), at, e.dinnerId(), e.ticketId(),
                e.attendeeId()), trace);
    }

    @EventHandler
    void on(TicketExpired e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new DinnerTicketExpired(eventId(message), e.conferenceId(), at, e.dinnerId(), e.ticketId(),
                e.attendeeId()),
                trace);
    }

    @EventHandler
    void on(TicketCancelled e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new DinnerTicketCancelled(eventId(message), e.conferenceId(), at, e.dinnerId(), e.ticketId(),
                e.attendeeId(), e.refundDue()), trace);
    }
}
