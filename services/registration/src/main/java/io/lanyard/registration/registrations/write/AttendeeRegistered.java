package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

public record AttendeeRegistered(UUID attendeeId, UUID conferenceId, UUID ticketTypeId, UUID segmentId,
                                 String subject, String name, String email, Instant registeredAt) {
}
