package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/** A conference opened; its creator is its first organizer. */
public record ConferenceCreated(UUID eventId, UUID conferenceId, Instant occurredAt, String name, LocalDate startsOn, LocalDate endsOn, String timeZone, String organizerSubject) implements IntegrationEvent {
}
