package io.lanyard.registration.conference.write;

import java.util.UUID;

import io.lanyard.platform.personaldata.NotPersonalData;

public record OrganizerAdded(UUID conferenceId, @NotPersonalData("an organizer's subject: organizers are not erased as attendees") String subject) {
}
