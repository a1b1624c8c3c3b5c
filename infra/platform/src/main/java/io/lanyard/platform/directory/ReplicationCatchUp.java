package io.lanyard.platform.directory;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/** Re-checks a condition on replicated data for a short, bounded time before giving up on it. */
public class ReplicationCatchUp {

    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();
    private final Duration limit;

    public ReplicationCatchUp(Duration limit) {
        this.limit = limit;
    }

    /** True as soon as the condition holds; false if it still does not after the limit. */
    public boolean until(BooleanSupplier condition) {
        if (condition.getAsBoolean()) {
            return true;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            if (condition.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }
}
