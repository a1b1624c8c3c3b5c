package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.util.UUID;

/**
 * A hold ran out, or the dinner started while the ticket was still held or waitlisted. {@code previousStatus} says
 * which seat count it leaves; events stored before the dinner's start expired tickets have none and were all holds.
 */
public record TicketExpired(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId, Instant expiredAt,
                            TicketStatus previousStatus) {

    public TicketExpired {
        previousStatus = previousStatus == null ? TicketStatus.HELD : previousStatus;
    }
}
