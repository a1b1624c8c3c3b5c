package io.lanyard.dinners.tickets;

/**
 * A request reused an Idempotency-Key that already has an answer. Unchecked, so the duplicate's whole unit of work
 * rolls back; the controller then answers with the first request's result.
 */
class RepeatedRequestException extends RuntimeException {

    RepeatedRequestException(String key) {
        super("Idempotency-Key " + key + " was already used for this dinner");
    }
}
