package io.lanyard.kernel.events.dinners;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** No seat was free; the request waits its turn. */
public record DinnerTicketWaitlisted(UUID eventId, UUID conferenceId, Instant occurredAt, UUID dinnerId, UUID ticketId, UUID attendeeId, String dinnerName, OffsetDateTime dinnerStartsAt) implements IntegrationEvent {
}
