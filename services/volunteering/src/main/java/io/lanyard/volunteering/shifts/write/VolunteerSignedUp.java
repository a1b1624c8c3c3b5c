package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

public record VolunteerSignedUp(UUID shiftId, UUID conferenceId, UUID attendeeId, String signedUpBy) {
}
