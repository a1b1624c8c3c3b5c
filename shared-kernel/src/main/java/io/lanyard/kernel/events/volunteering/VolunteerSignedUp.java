package io.lanyard.kernel.events.volunteering;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A volunteer took a place on a shift. */
public record VolunteerSignedUp(UUID eventId, UUID conferenceId, Instant occurredAt, UUID shiftId, UUID attendeeId) implements IntegrationEvent {
}
