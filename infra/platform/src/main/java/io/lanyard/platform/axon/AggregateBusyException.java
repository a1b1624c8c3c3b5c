package io.lanyard.platform.axon;

import java.time.Duration;

/**
 * Admission refused: so many commands already wait for this aggregate that one more would wait longer than it is
 * worth; the caller is told at once to come back after {@link #retryAfter()} (503 with {@code Retry-After}).
 */
public class AggregateBusyException extends RuntimeException {

    private final transient Duration retryAfter;

    public AggregateBusyException(int waiting, Duration retryAfter) {
        super(waiting + " requests already wait for the same item; try again in a moment", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
