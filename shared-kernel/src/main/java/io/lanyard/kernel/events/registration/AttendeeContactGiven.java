package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * How to reach a registered attendee: their e-mail address, on a topic of its own that only notifications may read
 * ({@code lanyard.registration.contacts.v1}, compacted and keyed by attendee, so erasure can remove it with a
 * tombstone). Every other consumer keeps getting {@link AttendeeRegistered}, which carries no address.
 */
public record AttendeeContactGiven(UUID eventId, UUID conferenceId, Instant occurredAt, UUID attendeeId, String email)
        implements IntegrationEvent {
}
