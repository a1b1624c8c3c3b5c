package io.lanyard.kernel.events.volunteering;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** An organizer recorded PRESENT or NO_SHOW for a volunteer on a shift. */
public record ShiftAttendanceRecorded(UUID eventId, UUID conferenceId, Instant occurredAt, UUID shiftId, UUID attendeeId, String status, double hoursWorked) implements IntegrationEvent {
}
