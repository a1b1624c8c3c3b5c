package io.lanyard.dinners.seating;

import io.lanyard.platform.web.Refusal;

public class TicketNotHeldException extends Refusal {

    TicketNotHeldException() {
        super("ticket-not-held", "only a held ticket can be paid for; this one is still on the waiting list");
    }
}
