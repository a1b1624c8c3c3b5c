package io.lanyard.kernel.events.dinners;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A seat is held for the attendee until the hold expires. */
public record DinnerTicketHeld(UUID eventId, UUID conferenceId, Instant occurredAt, UUID dinnerId, UUID ticketId, UUID attendeeId, String dinnerName, OffsetDateTime dinnerStartsAt, Instant holdExpiresAt) implements IntegrationEvent {
}
