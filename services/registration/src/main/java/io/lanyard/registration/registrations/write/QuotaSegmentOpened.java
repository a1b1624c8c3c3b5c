package io.lanyard.registration.registrations.write;

import java.util.UUID;

public record QuotaSegmentOpened(UUID segmentId, UUID ticketTypeId, UUID conferenceId, int allotment) {
}
