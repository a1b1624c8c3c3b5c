package io.lanyard.registration.conference.write;

import java.util.UUID;

public record OrganizerAdded(UUID conferenceId, String subject) {
}
