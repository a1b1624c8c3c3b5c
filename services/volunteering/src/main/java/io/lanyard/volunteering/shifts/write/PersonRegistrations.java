package io.lanyard.volunteering.shifts.write;

import java.util.List;
import java.util.UUID;

/**
 * Every registration (attendee id) a person (a token's {@code sub}) has held for a conference, cancelled ones
 * included, as this service knows them: where to look for schedules kept per registration.
 */
interface PersonRegistrations {

    List<UUID> of(UUID conferenceId, String person);
}
