package io.lanyard.volunteering.shifts.write;

import java.time.Instant;
import java.util.UUID;

record ShiftBooked(UUID scheduleId, UUID conferenceId, UUID attendeeId, UUID shiftId, Instant startsAt,
                   Instant endsAt) {
}
