package io.lanyard.registration.tickets;

import java.util.UUID;

public record SeatReleased(UUID segmentId, UUID ticketTypeId, UUID attendeeId) {
}
