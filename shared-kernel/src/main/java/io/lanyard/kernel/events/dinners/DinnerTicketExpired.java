package io.lanyard.kernel.events.dinners;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** The hold lapsed unpaid; the seat went back. */
public record DinnerTicketExpired(UUID eventId, UUID conferenceId, Instant occurredAt, UUID dinnerId, UUID ticketId, UUID attendeeId) implements IntegrationEvent {
}
