package io.lanyard.kernel.events.registration;

import static io.lanyard.kernel.events.EventCatalogue.CONTACTS_TOPIC;
import static io.lanyard.kernel.events.EventCatalogue.REGISTRATION_TOPIC;

import java.util.List;

import io.lanyard.kernel.events.EventCatalogue.Entry;

/**
 * What registration publishes: everything on {@code lanyard.registration.v1}, except the one event with an e-mail
 * address, which goes to {@code lanyard.registration.contacts.v1}, readable by notifications alone.
 */
public final class RegistrationEvents {

    public static final List<Entry> ENTRIES = List.of(
            new Entry("registration.conference-created", 1, REGISTRATION_TOPIC, ConferenceCreated.class),
            new Entry("registration.organizer-added", 1, REGISTRATION_TOPIC, OrganizerAdded.class),
            new Entry("registration.ticket-type-created", 1, REGISTRATION_TOPIC, TicketTypeCreated.class),
            new Entry("registration.attendee-registered", 1, REGISTRATION_TOPIC, AttendeeRegistered.class),
            new Entry("registration.attendee-cancelled", 1, REGISTRATION_TOPIC, AttendeeCancelled.class),
            new Entry("registration.attendee-checked-in", 1, REGISTRATION_TOPIC, AttendeeCheckedIn.class),
            new Entry("registration.attendee-contact-given", 1, CONTACTS_TOPIC, AttendeeContactGiven.class),
            new Entry("registration.attendee-erased", 1, REGISTRATION_TOPIC, AttendeeErased.class));

    private RegistrationEvents() {
    }
}
