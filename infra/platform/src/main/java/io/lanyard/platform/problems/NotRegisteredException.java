package io.lanyard.platform.problems;

/** The attendee is unknown to this service or their registration was cancelled. */
public class NotRegisteredException extends Refusal {

    public NotRegisteredException(Object attendeeId) {
        super(ProblemSlug.NOT_REGISTERED, "attendee " + attendeeId + " is not registered");
    }
}
