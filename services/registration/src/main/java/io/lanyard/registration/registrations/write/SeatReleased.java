package io.lanyard.registration.registrations.write;

import java.util.UUID;

public record SeatReleased(UUID segmentId, UUID ticketTypeId, UUID attendeeId) {
}
