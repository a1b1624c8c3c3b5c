package io.lanyard.registration.conference.write;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

final class ConferenceMessages {

    private ConferenceMessages() {
    }

    record CreateConference(@TargetAggregateIdentifier UUID conferenceId, String name, LocalDate startsOn,
                            LocalDate endsOn, String timeZone, String organizer) {
    }

    record AddOrganizer(@TargetAggregateIdentifier UUID conferenceId, String subject) {
    }
}
