package io.lanyard.dinners.seating;

import io.lanyard.platform.web.Refusal;

public class AlreadyHasTicketException extends Refusal {

    public AlreadyHasTicketException() {
        super("already-has-ticket", "the attendee already has a ticket for this dinner");
    }
}
