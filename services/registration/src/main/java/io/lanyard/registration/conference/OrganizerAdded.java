package io.lanyard.registration.conference;

import java.util.UUID;

public record OrganizerAdded(UUID conferenceId, String subject) {
}
