package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * The attendee was erased at their or an organizer's request: every service destroys its key for them and scrubs
 * what it holds of them, keeping its counts. Ids only: it carries nothing of the person.
 */
public record AttendeeErased(UUID eventId, UUID conferenceId, Instant occurredAt, UUID attendeeId)
        implements IntegrationEvent {
}
