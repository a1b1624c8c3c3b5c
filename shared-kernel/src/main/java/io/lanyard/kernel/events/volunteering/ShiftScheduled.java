package io.lanyard.kernel.events.volunteering;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** An organizer put a shift on the board. */
public record ShiftScheduled(UUID eventId, UUID conferenceId, Instant occurredAt, UUID shiftId, String title, String task, String location, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity) implements IntegrationEvent {
}
