package io.lanyard.registration.tickets;

import java.util.UUID;

public record QuotaSegmentOpened(UUID segmentId, UUID ticketTypeId, UUID conferenceId, int allotment) {
}
