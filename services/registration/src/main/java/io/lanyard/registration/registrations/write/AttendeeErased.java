package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

/**
 * The attendee was erased: their key is destroyed in the same transaction, so everything of theirs sealed under it
 * reads as erased from now on. The seat stays sold: erasure forgets a person, not a sale.
 */
public record AttendeeErased(UUID attendeeId, UUID conferenceId, UUID ticketTypeId, Instant erasedAt) {
}
