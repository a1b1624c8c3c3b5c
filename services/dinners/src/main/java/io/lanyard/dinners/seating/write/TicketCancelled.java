package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.util.UUID;

/** {@code refundDue} when the ticket had been paid for. */
public record TicketCancelled(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId,
                              TicketStatus previousStatus, boolean refundDue, CancellationReason reason,
                              String cancelledBy, Instant cancelledAt) {
}
