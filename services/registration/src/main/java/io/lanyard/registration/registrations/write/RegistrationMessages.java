package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

final class RegistrationMessages {

    private RegistrationMessages() {
    }

    /**
     * {@code conferenceStartsAt} is the start of the conference's first day where it takes place, as the write side
     * looked it up (null for a conference known without dates); {@code at} is the clock's time of the request.
     */
    record CancelRegistration(@TargetAggregateIdentifier UUID attendeeId, String cancelledBy,
                              RegistrationCancelled.Canceller canceller, Instant conferenceStartsAt, Instant at) {
    }

    record CheckIn(@TargetAggregateIdentifier UUID attendeeId, String checkedInBy, Instant at) {
    }

    /** Erase the attendee's personal data; erasing them again changes nothing. */
    record EraseAttendee(@TargetAggregateIdentifier UUID attendeeId, Instant at) {
    }
}
