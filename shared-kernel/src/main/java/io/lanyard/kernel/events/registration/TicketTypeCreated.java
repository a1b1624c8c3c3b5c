package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A ticket type went on sale. */
public record TicketTypeCreated(UUID eventId, UUID conferenceId, Instant occurredAt, UUID ticketTypeId, String name, long priceCents, String currency, int quota) implements IntegrationEvent {
}
