package io.lanyard.registration.conference.write;

import java.time.LocalDate;
import java.util.UUID;

import io.lanyard.platform.personaldata.NotPersonalData;

public record ConferenceCreated(UUID conferenceId, @NotPersonalData("the conference's") String name,
                                LocalDate startsOn, LocalDate endsOn, String timeZone,
                                @NotPersonalData("the founding organizer's: organizers are not erased as attendees")
                                String organizer) {
}
