package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class TicketCancelledException extends Refusal {

    TicketCancelledException() {
        super(ProblemSlug.TICKET_CANCELLED, "this ticket was cancelled");
    }
}
