package io.lanyard.kernel.events.sprints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * A participant gave up some of their days of a sprint (their registration was cancelled while the sprint ran) and
 * stays on the days they kept.
 */
public record SprintParticipantLeftDays(UUID eventId, UUID conferenceId, Instant occurredAt, UUID sprintId,
                                        UUID attendeeId, List<LocalDate> days) implements IntegrationEvent {
}
