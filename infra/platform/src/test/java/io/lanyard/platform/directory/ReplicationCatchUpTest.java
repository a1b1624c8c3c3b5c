package io.lanyard.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReplicationCatchUpTest {

    @Test
    void waits_until_replication_delivers() {
        ReplicationCatchUp catchUp = new ReplicationCatchUp(Duration.ofSeconds(2), 4, Duration.ofSeconds(2));
        AtomicInteger checks = new AtomicInteger();
        assertThat(catchUp.until("attendee/a", () -> checks.incrementAndGet() > 3)).isTrue();
        assertThat(checks).hasValue(4);
    }

    @Test
    void never_waits_inside_a_transaction_where_it_would_hold_a_connection() {
        ReplicationCatchUp catchUp = new ReplicationCatchUp(Duration.ofSeconds(2), 4, Duration.ofSeconds(2));
        AtomicInteger checks = new AtomicInteger();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(catchUp.until("attendee/b", () -> checks.incrementAndGet() > 3)).isFalse();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(checks).hasValue(1);
    }

    @Test
    void beyond_the_cap_of_waiting_callers_answers_at_once() throws Exception {
        ReplicationCatchUp catchUp = new ReplicationCatchUp(Duration.ofSeconds(30), 2, Duration.ofSeconds(2));
        AtomicBoolean replicated = new AtomicBoolean();
        CountDownLatch bothWaiting = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> catchUp.until("attendee/c1", waitingFor(replicated, bothWaiting)));
            Future<Boolean> second = pool.submit(() -> catchUp.until("attendee/c2", waitingFor(replicated, bothWaiting)));
            assertThat(bothWaiting.await(5, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            assertThat(catchUp.until("attendee/c3", replicated::get)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            replicated.set(true);
            assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A condition that counts down once it is re-checked, that is once its caller holds a place among the waiting. */
    private static BooleanSupplier waitingFor(AtomicBoolean replicated, CountDownLatch waiting) {
        AtomicInteger checks = new AtomicInteger();
        return () -> {
            if (checks.incrementAndGet() == 2) {
                waiting.countDown();
            }
            return replicated.get();
        };
    }

    @Test
    void a_key_waited_for_in_vain_is_checked_but_not_waited_for_again() {
        ReplicationCatchUp catchUp = new ReplicationCatchUp(Duration.ofMillis(100), 4, Duration.ofMinutes(1));
        assertThat(catchUp.until("attendee/d", () -> false)).isFalse();
        AtomicInteger checks = new AtomicInteger();
        assertThat(catchUp.until("attendee/d", () -> checks.incrementAndGet() > 1)).isFalse();
        assertThat(checks).hasValue(1);
        assertThat(catchUp.until("attendee/d", () -> true)).as("an answer that arrived is found").isTrue();
    }
}
