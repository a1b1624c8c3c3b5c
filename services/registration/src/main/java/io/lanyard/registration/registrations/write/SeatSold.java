package io.lanyard.registration.registrations.write;

import java.util.UUID;

public record SeatSold(UUID segmentId, UUID ticketTypeId, UUID attendeeId) {
}
