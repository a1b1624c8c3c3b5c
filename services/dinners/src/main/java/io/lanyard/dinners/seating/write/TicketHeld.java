package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A request found a free seat and holds it until {@code holdExpiresAt}. {@code requestedBy} and
 * {@code idempotencyKey} say who asked and under which key, so a retried request can be answered with this one.
 */
public record TicketHeld(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId,
                         List<String> dietaryRequirements, Instant requestedAt, Instant holdExpiresAt,
                         String dinnerName,
                         @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                         OffsetDateTime dinnerStartsAt, String requestedBy, String idempotencyKey) {
}
