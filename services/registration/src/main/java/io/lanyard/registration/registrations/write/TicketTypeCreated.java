package io.lanyard.registration.registrations.write;

import java.util.List;
import java.util.UUID;

import io.lanyard.platform.personaldata.NotPersonalData;

public record TicketTypeCreated(UUID ticketTypeId, UUID conferenceId,
                                @NotPersonalData("the ticket type's") String name, long priceCents,
                                String currency, int quota, List<UUID> segmentIds) {
}
