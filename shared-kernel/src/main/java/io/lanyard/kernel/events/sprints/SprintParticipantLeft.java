package io.lanyard.kernel.events.sprints;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** An attendee withdrew or was removed from a sprint. */
public record SprintParticipantLeft(UUID eventId, UUID conferenceId, Instant occurredAt, UUID sprintId, UUID attendeeId) implements IntegrationEvent {
}
