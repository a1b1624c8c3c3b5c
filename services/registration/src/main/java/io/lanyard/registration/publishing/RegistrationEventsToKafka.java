package io.lanyard.registration.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeContactGiven;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.conference.write.OrganizerAdded;
import io.lanyard.registration.registrations.write.AttendeeCheckedIn;
import io.lanyard.registration.registrations.write.AttendeeErased;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.RegistrationCancelled;
import io.lanyard.registration.registrations.write.TicketTypeCreated;

/**
 * The one place where registration's domain events become integration events. The Kafka key is the conference,
 * so every consumer sees a conference's facts in the order they happened (the contacts topic alone is keyed by
 * attendee); the event id is the domain event's,
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
    void on(ConferenceCreated e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.registration.ConferenceCreated(id,
                e.conferenceId(), at, e.name(), e.startsOn(), e.endsOn(), e.timeZone(), e.organizer()));
    }

    @EventHandler
    void on(OrganizerAdded e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.registration.OrganizerAdded(id,
                e.conferenceId(), at, e.subject()));
    }

    @EventHandler
    void on(TicketTypeCreated e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.registration.TicketTypeCreated(id,
                e.conferenceId(), at, e.ticketTypeId(), e.name(), e.priceCents(), e.currency(), e.quota()));
    }

    /**
     * A confirmed registration is two facts on two topics: the attendee, for everyone, and their e-mail address on
     * the contacts topic, which only notifications may read, keyed by attendee so that erasure can compact it away.
     */
    @EventHandler
    void on(AttendeeRegistered e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.registration.AttendeeRegistered(id,
                e.conferenceId(), at, e.attendeeId(), e.subject(), e.name(), e.ticketTypeId()));
        if (PersonalFields.ERASED.equals(e.email())) {
            return; // erased before it was published: there is no address left to give
        }
        publisher.publishAlso(m, e.attendeeId().toString(), AttendeeContactGiven.class,
                (id, at) -> new AttendeeContactGiven(id, e.conferenceId(), at, e.attendeeId(), e.email()));
    }

    @EventHandler
    void on(RegistrationCancelled e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.registration.AttendeeCancelled(id,
                e.conferenceId(), at, e.attendeeId(), e.subject(), switch (e.canceller()) {
                    case OWNER -> AttendeeCancelled.Canceller.OWNER;
                    case ORGANIZER -> AttendeeCancelled.Canceller.ORGANIZER;
                }));
    }

    @EventHandler
    void on(AttendeeCheckedIn e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.registration.AttendeeCheckedIn(id,
                e.conferenceId(), at, e.attendeeId()));
    }

    /**
     * An erasure tells every service, and leaves a tombstone for the attendee on the compacted contacts topic, so
     * that compaction removes their address from Kafka. Both come from this processor, which published the address
     * from an earlier event of the same registration: the tombstone follows it on the attendee's partition.
     */
    @EventHandler
    void on(AttendeeErased e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.registration.AttendeeErased(id,
                e.conferenceId(), at, e.attendeeId()));
        publisher.publishTombstone(m, EventCatalogue.CONTACTS_TOPIC, e.attendeeId().toString());
    }
}
