package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** An attendee holds a confirmed registration. Carries the display name but no e-mail: minimal personal data on Kafka. */
public record AttendeeRegistered(UUID eventId, UUID conferenceId, Instant occurredAt, UUID attendeeId, String subject, String name, UUID ticketTypeId) implements IntegrationEvent {
}
