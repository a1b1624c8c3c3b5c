package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

/** The payment provider's reference names the payer there, so it is sealed under the attendee's key. */
public record TicketConfirmed(UUID dinnerId, UUID conferenceId, UUID ticketId, @DataSubject UUID attendeeId,
                              @PersonalData String paymentReference, Instant confirmedAt) {
}
