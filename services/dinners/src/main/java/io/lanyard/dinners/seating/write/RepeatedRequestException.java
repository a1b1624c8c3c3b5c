package io.lanyard.dinners.seating.write;

/**
 * A request reused an Idempotency-Key that already has an answer. Unchecked, so the duplicate's whole unit of work
 * rolls back; the controller then answers with the first request's result.
 */
public class RepeatedRequestException extends RuntimeException {

    public RepeatedRequestException(String key) {
        super("Idempotency-Key " + key + " was already used for this dinner");
    }
}
