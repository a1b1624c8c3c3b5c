package io.lanyard.volunteering.shifts.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** {@code offset} is the one the organizer wrote the times in; clients see the times in it again. */
public record ShiftScheduled(UUID shiftId, UUID conferenceId, String title, String task, String location,
                             Instant startsAt, Instant endsAt, ZoneOffset offset, int capacity, String scheduledBy) {
}
