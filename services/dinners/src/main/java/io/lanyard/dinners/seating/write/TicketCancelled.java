package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

/**
 * {@code refundDue} when the ticket had been paid for. {@code cancelledBy} is the caller's subject (the attendee's
 * own, an organizer's, or {@code registration}), sealed with the attendee's ticket.
 */
public record TicketCancelled(UUID dinnerId, UUID conferenceId, UUID ticketId, @DataSubject UUID attendeeId,
                              TicketStatus previousStatus, boolean refundDue, CancellationReason reason,
                              @PersonalData String cancelledBy, Instant cancelledAt) {
}
