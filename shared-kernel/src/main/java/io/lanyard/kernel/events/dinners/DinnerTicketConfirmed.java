package io.lanyard.kernel.events.dinners;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** The held seat was paid for. */
public record DinnerTicketConfirmed(UUID eventId, UUID conferenceId, Instant occurredAt, UUID dinnerId, UUID ticketId, UUID attendeeId) implements IntegrationEvent {
}
