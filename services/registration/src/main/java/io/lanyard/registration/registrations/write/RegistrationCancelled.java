package io.lanyard.registration.registrations.write;

import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

/**
 * A registration was cancelled by {@code cancelledBy} (a subject), acting as the attendee themselves or as an
 * organizer of the conference. Cancellations stored before {@code canceller} existed have none and are read as an
 * organizer's: until then anyone could cancel at any time, as only an organizer may now.
 */
public record RegistrationCancelled(@DataSubject UUID attendeeId, UUID conferenceId, UUID ticketTypeId,
                                    UUID segmentId, @PersonalData String subject,
                                    @PersonalData String cancelledBy, Canceller canceller) {

    /** Who cancelled: the registration's owner or an organizer of its conference. */
    public enum Canceller { OWNER, ORGANIZER }

    public RegistrationCancelled {
        canceller = canceller == null ? Canceller.ORGANIZER : canceller;
    }
}
