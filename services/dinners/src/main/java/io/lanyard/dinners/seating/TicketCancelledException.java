package io.lanyard.dinners.seating;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

public class TicketCancelledException extends Refusal {

    TicketCancelledException() {
        super(ProblemSlug.TICKET_CANCELLED, "this ticket was cancelled");
    }
}
