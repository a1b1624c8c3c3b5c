package io.lanyard.platform.directory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Re-checks a condition on replicated data for a short, bounded time before giving up on it, so that a client that
 * registers and at once calls another service is not refused by replication lag. The wait is bounded three ways,
 * because a caller asking for ids that will never exist must not be able to starve the service:
 * <ul>
 * <li>never inside a transaction: that would hold a pooled connection (and any locks) for the whole wait, so there
 * the condition is checked once; a service that wants the wait does it before it opens its transaction;</li>
 * <li>at most {@code maxWaiting} requests wait at once; beyond that the condition is checked once;</li>
 * <li>a key that was waited for in vain is remembered for {@code rememberMisses} and not waited for again meanwhile
 * (it is still checked, so an answer that arrived in between is found).</li>
 * </ul>
 * Each re-check borrows a connection only for its one query.
 */
public class ReplicationCatchUp {

    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();
    private final Duration limit;
    private final Semaphore waiting;
    private final Cache<String, Boolean> misses;

    public ReplicationCatchUp(Duration limit, int maxWaiting, Duration rememberMisses) {
        this.limit = limit;
        this.waiting = new Semaphore(maxWaiting);
        this.misses = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(rememberMisses).build();
    }

    /** A catch-up that never waits: for the service that owns the data. */
    public static ReplicationCatchUp none() {
        return new ReplicationCatchUp(Duration.ZERO, 0, Duration.ofMillis(1));
    }

    /** True as soon as the condition holds; false if it still does not after the limit, or if waiting is not allowed. */
    public boolean until(String key, BooleanSupplier condition) {
        if (condition.getAsBoolean()) {
            return true;
        }
        if (limit.isZero() || TransactionSynchronizationManager.isActualTransactionActive()
                || misses.getIfPresent(key) != null || !waiting.tryAcquire()) {
            return false;
        }
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL_NANOS);
                if (condition.getAsBoolean()) {
                    return true;
                }
            }
            misses.put(key, Boolean.TRUE);
            return false;
        } finally {
            waiting.release();
        }
    }
}
