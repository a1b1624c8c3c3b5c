package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.lanyard.platform.axon.DecidedTogether;
import io.lanyard.platform.directory.UnderAttendeeLock;

public final class DinnerMessages {

    private DinnerMessages() {
    }

    public record ScheduleDinner(@TargetAggregateIdentifier UUID dinnerId, UUID conferenceId, String name,
                                 String venue, OffsetDateTime startsAt, int seats, long priceCents, String currency,
                                 String scheduledBy) {
    }

    /**
     * {@code requestedBy} is the caller's subject; {@code idempotencyKey} may be null. Decided under the attendee's
     * lock and only while their registration is active, and in a rush together with the other requests queued for
     * the dinner, in one commit.
     */
    @DecidedTogether
    public record RequestTicket(@TargetAggregateIdentifier UUID dinnerId, UUID conferenceId, UUID ticketId,
                                UUID attendeeId,
                                List<String> dietaryRequirements, String requestedBy, String idempotencyKey,
                                Instant requestedAt) implements UnderAttendeeLock {
    }

    public record PayForTicket(@TargetAggregateIdentifier UUID dinnerId, UUID ticketId, String paymentReference,
                               Instant paidAt) {
    }

    /** {@code byOrganizer} lifts the cancellation cut-off. */
    public record CancelTicket(@TargetAggregateIdentifier UUID dinnerId, UUID ticketId, String cancelledBy,
                               boolean byOrganizer, Instant cancelledAt) {
    }

    /**
     * Registration cancelled the attendee: their ticket for this dinner, if any, goes as it would had the same
     * caller cancelled it here at {@code cancelledAt}; {@code byOrganizer} says whether an organizer did.
     */
    public record WithdrawCancelledAttendee(@TargetAggregateIdentifier UUID dinnerId, UUID attendeeId,
                                            Instant cancelledAt, boolean byOrganizer) {
    }

    /** How a ticket request was answered. */
    public record TicketDecision(UUID ticketId, TicketStatus status, Instant holdExpiresAt) {
    }
}
