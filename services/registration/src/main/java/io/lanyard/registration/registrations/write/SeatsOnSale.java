package io.lanyard.registration.registrations.write;

import java.util.List;
import java.util.UUID;

/**
 * What the committed ticket-type view shows a sale: whether the ticket type exists and which of its quota segments
 * still had seats. A set-based question no single aggregate can answer, like {@link ActiveRegistrations}.
 */
public interface SeatsOnSale {

    boolean ticketTypeExists(UUID conferenceId, UUID ticketTypeId);

    /** Segments that had seats left when this transaction looked. */
    List<UUID> segmentsWithSeats(UUID ticketTypeId);
}
