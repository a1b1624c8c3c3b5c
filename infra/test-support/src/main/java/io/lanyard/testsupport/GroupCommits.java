package io.lanyard.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.CommitLocks;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * For tests of commands decided together ({@code GroupCommitCommandBus}): holds the locks a decision waits for in a
 * transaction of the test's, so that the commands sent meanwhile queue behind it; sees them wait and queue; counts
 * the batches they were decided in.
 */
public final class GroupCommits {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final AttendeeLocks attendeeLocks;
    private final MeterRegistry meters;

    GroupCommits(JdbcClient jdbc, PlatformTransactionManager transactions, AttendeeLocks attendeeLocks,
                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.attendeeLocks = attendeeLocks;
        this.meters = meters;
    }

    /** A transaction on a thread of its own that holds the attendee's lock, as their cancellation's reaction would. */
    public LockHolder holdingTheLockOf(UUID attendeeId) {
        LockHolder holder = new LockHolder();
        holder.lockAttendee(attendeeId);
        return holder;
    }

    /** Until some transaction of this database waits for an advisory lock (an attendee's, a schedule's, a shift's). */
    public void awaitAWaiterForALock() {
        await("a command waits for a lock").atMost(STEP).until(() -> jdbc.sql("""
                        select count(*) from pg_locks
                        where locktype = 'advisory' and not granted
                          and database = (select oid from pg_database where datname = current_database())""")
                .query(Long.class).single() > 0);
    }

    /** Until {@code count} commands of this instance wait behind a decision in progress on their aggregate. */
    public void awaitQueued(int count) {
        await("commands queue for a busy aggregate").atMost(STEP).until(() ->
                meters.get("lanyard.commands.admission.waiting").gauge().value() == count);
    }

    /** How many batches have been decided so far, and how many commands they held. */
    public Batches batches() {
        DistributionSummary sizes = meters.get("lanyard.commands.group.size").summary();
        return new Batches(sizes.count(), Math.round(sizes.totalAmount()));
    }

    public record Batches(long batches, long commands) {

        /** What was decided after {@code before}. */
        public Batches since(Batches before) {
            return new Batches(batches - before.batches, commands - before.commands);
        }
    }

    /**
     * One transaction that takes locks when asked to and holds them until it is closed. Each step runs on the
     * transaction's thread and is waited for; one that fails (a deadlock found by PostgreSQL, say) fails the test.
     */
    public final class LockHolder implements AutoCloseable {

        private static final Runnable COMMIT = () -> {
        };

        private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<?> transaction;

        private LockHolder() {
            transaction = thread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                try {
                    for (Runnable step = steps.take(); step != COMMIT; step = steps.take()) {
                        step.run();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }

        public void lockAttendee(UUID attendeeId) {
            run(() -> {
                attendeeLocks.lock(attendeeId);
                return true;
            });
        }

        /**
         * Whether the commit lock of {@code key} ({@code "shift/" + id}, say) was free and is now held, without
         * waiting for it: PostgreSQL's own try-lock on the key {@link CommitLocks} uses.
         */
        public boolean tryLock(String key) {
            return run(() -> jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                    .param(key).query(Boolean.class).single());
        }

        private <T> T run(Supplier<T> work) {
            CompletableFuture<T> done = new CompletableFuture<>();
            steps.add(() -> {
                try {
                    done.complete(work.get());
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    throw e;
                }
            });
            try {
                return done.get(STEP.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the lock holder's step failed", e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw new IllegalStateException("the lock holder's step did not finish", e);
            }
        }

        /** Commits, letting go of every lock. */
        @Override
        public void close() throws Exception {
            steps.add(COMMIT);
            try {
                transaction.get(STEP.toSeconds(), TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
