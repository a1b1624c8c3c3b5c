package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.util.UUID;

public record TicketExpired(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId, Instant expiredAt) {
}
