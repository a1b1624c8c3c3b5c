package io.lanyard.platform.web;

import org.springframework.http.HttpStatus;

/** The attendee is unknown to this service or their registration was cancelled. */
public class NotRegisteredException extends Refusal {

    public NotRegisteredException(Object attendeeId) {
        super("not-registered", HttpStatus.UNPROCESSABLE_ENTITY, "attendee " + attendeeId + " is not registered");
    }
}
