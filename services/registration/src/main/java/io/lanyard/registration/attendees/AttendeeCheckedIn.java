package io.lanyard.registration.attendees;

import java.time.Instant;
import java.util.UUID;

public record AttendeeCheckedIn(UUID attendeeId, UUID conferenceId, String checkedInBy, Instant checkedInAt) {
}
