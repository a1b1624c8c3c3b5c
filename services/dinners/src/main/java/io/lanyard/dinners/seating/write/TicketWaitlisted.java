package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A request found every seat taken and joined the end of the waiting list. */
public record TicketWaitlisted(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId,
                               List<String> dietaryRequirements, Instant requestedAt, String dinnerName,
                               @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                               OffsetDateTime dinnerStartsAt, String requestedBy, String idempotencyKey) {
}
