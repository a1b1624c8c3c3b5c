package io.lanyard.dinners.seating;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

public class TicketNotHeldException extends Refusal {

    TicketNotHeldException() {
        super(ProblemSlug.TICKET_NOT_HELD, "only a held ticket can be paid for; this one is still on the waiting list");
    }
}
