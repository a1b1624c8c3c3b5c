package io.lanyard.kernel.events.volunteering;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A volunteer left a shift (by choice, by an organizer, or because their registration was cancelled); the place is free. */
public record VolunteerWithdrew(UUID eventId, UUID conferenceId, Instant occurredAt, UUID shiftId, UUID attendeeId) implements IntegrationEvent {
}
