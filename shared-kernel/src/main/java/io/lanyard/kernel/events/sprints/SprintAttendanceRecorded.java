package io.lanyard.kernel.events.sprints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** The attendee came to the sprint on that day. */
public record SprintAttendanceRecorded(UUID eventId, UUID conferenceId, Instant occurredAt, UUID sprintId, UUID attendeeId, LocalDate day) implements IntegrationEvent {
}
