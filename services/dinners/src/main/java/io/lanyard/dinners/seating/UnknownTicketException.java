package io.lanyard.dinners.seating;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.lanyard.platform.web.Refusal;

/** A refusal rather than an unchecked error, so that a stray ticket id never evicts the cached dinner. */
public class UnknownTicketException extends Refusal {

    UnknownTicketException(UUID ticketId) {
        super("not-found", HttpStatus.NOT_FOUND, "no ticket " + ticketId + " for this dinner");
    }
}
