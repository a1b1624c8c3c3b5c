package io.lanyard.registration.registrations.write;

import java.util.UUID;

/**
 * A registration was cancelled by {@code cancelledBy} (a subject), acting as the attendee themselves or as an
 * organizer of the conference. Cancellations stored before {@code canceller} existed have none and are read as an
 * organizer's: until then anyone could cancel at any time, as only an organizer may now.
 */
public record RegistrationCancelled(UUID attendeeId, UUID conferenceId, UUID ticketTypeId, UUID segmentId,
                                    String subject, String cancelledBy, Canceller canceller) {

    /** Who cancelled: the registration's owner or an organizer of its conference. */
    public enum Canceller { OWNER, ORGANIZER }

    public RegistrationCancelled {
        canceller = canceller == null ? Canceller.ORGANIZER : canceller;
    }
}
