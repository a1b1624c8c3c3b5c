package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.util.UUID;

public record TicketConfirmed(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId,
                              String paymentReference, Instant confirmedAt) {
}
