package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.util.UUID;

/** A seat came free and the first waitlisted request now holds it. */
public record TicketPromoted(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId, Instant promotedAt,
                             Instant holdExpiresAt) {
}
