package io.lanyard.registration.registrations.write;

import java.util.List;
import java.util.UUID;

public record TicketTypeCreated(UUID ticketTypeId, UUID conferenceId, String name, long priceCents, String currency,
                                int quota, List<UUID> segmentIds) {
}
