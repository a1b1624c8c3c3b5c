package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A registration was cancelled; other services drop the attendee from what they hold. */
public record AttendeeCancelled(UUID eventId, UUID conferenceId, Instant occurredAt, UUID attendeeId, String subject) implements IntegrationEvent {
}
