package io.lanyard.registration.conference.write;

import java.time.LocalDate;
import java.util.UUID;

public record ConferenceCreated(UUID conferenceId, String name, LocalDate startsOn, LocalDate endsOn, String timeZone,
                                String organizer) {
}
