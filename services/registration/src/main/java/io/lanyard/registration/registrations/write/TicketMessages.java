package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.lanyard.platform.axon.DecidedTogether;

final class TicketMessages {

    private TicketMessages() {
    }

    record CreateTicketType(@TargetAggregateIdentifier UUID ticketTypeId, UUID conferenceId, String name,
                            long priceCents, String currency, int quota, int segments) {
    }

    /**
     * Sells one seat of one quota segment to a new registration. In a rush the sales queued for one segment are
     * decided together, in one commit.
     */
    @DecidedTogether
    record SellSeat(@TargetAggregateIdentifier UUID segmentId, UUID attendeeId, String subject, String name,
                    String email, Instant registeredAt) {
    }

    /** Gives a cancelled registration's seat back to the segment it came from. */
    record ReleaseSeat(@TargetAggregateIdentifier UUID segmentId, UUID attendeeId) {
    }
}
