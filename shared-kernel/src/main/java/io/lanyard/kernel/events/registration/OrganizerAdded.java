package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** Another subject now manages the conference. */
public record OrganizerAdded(UUID eventId, UUID conferenceId, Instant occurredAt, String subject) implements IntegrationEvent {
}
