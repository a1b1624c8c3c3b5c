package io.lanyard.kernel.events.dinners;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A seat came free and went to this waitlisted request, now held. */
public record DinnerTicketPromoted(UUID eventId, UUID conferenceId, Instant occurredAt, UUID dinnerId, UUID ticketId, UUID attendeeId, Instant holdExpiresAt) implements IntegrationEvent {
}
