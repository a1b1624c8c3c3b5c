package io.lanyard.kernel.events.sprints;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * An attendee left a sprint: withdrew, was removed by its leader or an organizer, or went with a cancelled
 * registration ({@code reason}; since version 2, absent in records written before it existed, which say nothing of
 * why and are read as {@code null}).
 */
public record SprintParticipantLeft(UUID eventId, UUID conferenceId, Instant occurredAt, UUID sprintId,
                                    UUID attendeeId, Reason reason) implements IntegrationEvent {

    public enum Reason { WITHDREW, REMOVED, REGISTRATION_CANCELLED }

    /** A departure whose reason the record does not say (one written before version 2). */
    public SprintParticipantLeft(UUID eventId, UUID conferenceId, Instant occurredAt, UUID sprintId,
                                 UUID attendeeId) {
        this(eventId, conferenceId, occurredAt, sprintId, attendeeId, null);
    }
}
