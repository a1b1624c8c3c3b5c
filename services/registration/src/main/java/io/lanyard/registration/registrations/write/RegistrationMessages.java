package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

final class RegistrationMessages {

    private RegistrationMessages() {
    }

    record CancelRegistration(@TargetAggregateIdentifier UUID attendeeId, String cancelledBy) {
    }

    record CheckIn(@TargetAggregateIdentifier UUID attendeeId, String checkedInBy, Instant at) {
    }
}
