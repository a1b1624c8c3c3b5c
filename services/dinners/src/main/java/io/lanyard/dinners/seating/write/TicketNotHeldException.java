package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class TicketNotHeldException extends Refusal {

    TicketNotHeldException() {
        super(ProblemSlug.TICKET_NOT_HELD, "only a held ticket can be paid for; this one is still on the waiting list");
    }
}
