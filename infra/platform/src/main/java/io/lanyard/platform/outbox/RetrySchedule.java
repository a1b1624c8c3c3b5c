package io.lanyard.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long to wait after each failed attempt before the next one; after the last pause's attempt fails, the
 * delivery has failed for good. The pauses grow so that a receiver that is down for a while is not hammered, and
 * their sum is how long a delivery is tried at all.
 */
public record RetrySchedule(List<Duration> pauses) {

    public RetrySchedule {
        pauses = List.copyOf(pauses);
        if (pauses.stream().anyMatch(pause -> pause.isNegative())) {
            throw new IllegalArgumentException("a retry pause cannot be negative: " + pauses);
        }
    }

    /** The pause after attempt {@code attempt} (1 for the first) failed; empty when it was the last attempt. */
    public Optional<Duration> pauseAfter(int attempt) {
        return attempt >= 1 && attempt <= pauses.size() ? Optional.of(pauses.get(attempt - 1)) : Optional.empty();
    }

    /** How many attempts a delivery gets in all. */
    public int attempts() {
        return pauses.size() + 1;
    }

    /** How long a delivery that always fails is tried, from its first attempt to its last. */
    public Duration span() {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
