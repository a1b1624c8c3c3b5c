package io.lanyard.kernel.events.sprints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A sprint with its days and room size was announced. */
public record SprintAnnounced(UUID eventId, UUID conferenceId, Instant occurredAt, UUID sprintId, String project, UUID leaderAttendeeId, List<LocalDate> days, int capacity) implements IntegrationEvent {
}
