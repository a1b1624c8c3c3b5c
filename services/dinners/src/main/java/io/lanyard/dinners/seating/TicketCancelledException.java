package io.lanyard.dinners.seating;

import io.lanyard.platform.web.Refusal;

public class TicketCancelledException extends Refusal {

    TicketCancelledException() {
        super("ticket-cancelled", "this ticket was cancelled");
    }
}
