package io.lanyard.registration.tickets;

import java.util.UUID;

public record SeatSold(UUID segmentId, UUID ticketTypeId, UUID attendeeId) {
}
