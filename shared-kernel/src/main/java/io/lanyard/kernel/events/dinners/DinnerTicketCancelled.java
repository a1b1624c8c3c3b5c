package io.lanyard.kernel.events.dinners;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** The ticket was cancelled; refundDue when it had been paid. */
public record DinnerTicketCancelled(UUID eventId, UUID conferenceId, Instant occurredAt, UUID dinnerId, UUID ticketId, UUID attendeeId, boolean refundDue) implements IntegrationEvent {
}
