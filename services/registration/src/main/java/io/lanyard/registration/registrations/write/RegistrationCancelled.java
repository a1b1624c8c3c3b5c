package io.lanyard.registration.registrations.write;

import java.util.UUID;

public record RegistrationCancelled(UUID attendeeId, UUID conferenceId, UUID ticketTypeId, UUID segmentId,
                                    String subject, String cancelledBy) {
}
