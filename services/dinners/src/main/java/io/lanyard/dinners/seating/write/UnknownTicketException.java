package io.lanyard.dinners.seating.write;

import java.util.UUID;


import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** A refusal rather than an unchecked error, so that a stray ticket id never evicts the cached dinner. */
class UnknownTicketException extends Refusal {

    UnknownTicketException(UUID ticketId) {
        super(ProblemSlug.NOT_FOUND, "no ticket " + ticketId + " for this dinner");
    }
}
