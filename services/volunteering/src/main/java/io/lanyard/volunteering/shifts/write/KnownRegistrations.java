package io.lanyard.volunteering.shifts.write;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.Attendees;

/** A person's registrations, as the platform's directory replica knows them. */
@Component
class KnownRegistrations implements PersonRegistrations {

    private final Attendees attendees;

    KnownRegistrations(Attendees attendees) {
        this.attendees = attendees;
    }

    @Override
    public List<UUID> of(UUID conferenceId, String person) {
        return attendees.registrationsOf(conferenceId, person);
    }
}
