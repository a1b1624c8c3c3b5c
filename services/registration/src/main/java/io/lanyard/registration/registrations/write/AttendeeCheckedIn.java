package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.platform.personaldata.NotPersonalData;

public record AttendeeCheckedIn(UUID attendeeId, UUID conferenceId, @NotPersonalData("the checking organizer's subject, an audit of the door") String checkedInBy, Instant checkedInAt) {
}
