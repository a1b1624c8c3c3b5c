package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** The attendee was checked in at the door. */
public record AttendeeCheckedIn(UUID eventId, UUID conferenceId, Instant occurredAt, UUID attendeeId) implements IntegrationEvent {
}
