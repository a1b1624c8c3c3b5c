package io.lanyard.kernel.events.sprints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** An attendee signed up for some of a sprint's days. */
public record SprintParticipantJoined(UUID eventId, UUID conferenceId, Instant occurredAt, UUID sprintId, UUID attendeeId, List<LocalDate> days) implements IntegrationEvent {
}
