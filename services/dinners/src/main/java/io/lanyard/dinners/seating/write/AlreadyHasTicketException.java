package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

public class AlreadyHasTicketException extends Refusal {

    public AlreadyHasTicketException() {
        super(ProblemSlug.ALREADY_HAS_TICKET, "the attendee already has a ticket for this dinner");
    }
}
