package io.lanyard.registration.publishing;

import static io.lanyard.platform.messaging.IntegrationPublishing.eventId;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import io.lanyard.platform.axon.TraceHeaders;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.conference.write.OrganizerAdded;
import io.lanyard.registration.registrations.write.AttendeeCheckedIn;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.RegistrationCancelled;
import io.lanyard.registration.registrations.write.TicketTypeCreated;

/**
 * The one place where registration's domain events become integration events. The Kafka key is the conference,
 * so every consumer sees a conference's facts in the order they happened; the event id is the domain event's,
 * so a re-publish after a failure is recognised downstream as the same fact.
 */
@Component
@ProcessingGroup(IntegrationPublishing.PROCESSING_GROUP)
class RegistrationEventsToKafka {

    private final IntegrationEventPublisher publisher;

    RegistrationEventsToKafka(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ConferenceCreated e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.registration.ConferenceCreated(eventId(message),
                e.conferenceId(), at, e.name(), e.startsOn(), e.endsOn(), e.timeZone(), e.organizer()), trace);
    }

    @EventHandler
    void on(OrganizerAdded e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.registration.OrganizerAdded(eventId(message),
                e.conferenceId(), at, e.subject()), trace);
    }

    @EventHandler
    void on(TicketTypeCreated e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.registration.TicketTypeCreated(eventId(message),
                e.conferenceId(), at, e.ticketTypeId(), e.name(), e.priceCents(), e.currency(), e.quota()), trace);
    }

    @EventHandler
    void on(AttendeeRegistered e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.registration.AttendeeRegistered(eventId(message),
                e.conferenceId(), at, e.attendeeId(), e.subject(), e.name(), e.ticketTypeId()), trace);
    }

    @EventHandler
    void on(RegistrationCancelled e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.registration.AttendeeCancelled(eventId(message),
                e.conferenceId(), at, e.attendeeId(), e.subject()), trace);
    }

    @EventHandler
    void on(AttendeeCheckedIn e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.registration.AttendeeCheckedIn(eventId(message),
                e.conferenceId(), at, e.attendeeId()), trace);
    }
}
