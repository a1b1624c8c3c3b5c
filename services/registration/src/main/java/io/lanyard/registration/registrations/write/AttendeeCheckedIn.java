package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

public record AttendeeCheckedIn(UUID attendeeId, UUID conferenceId, String checkedInBy, Instant checkedInAt) {
}
