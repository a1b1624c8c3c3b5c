package io.lanyard.platform.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks that last until the surrounding database transaction ends, on every instance of a service: PostgreSQL's
 * transaction-scoped advisory locks, keyed by a string. Axon's aggregate locks end with the unit of work; for a
 * command sent from a Kafka reaction that is before the inbox transaction commits, so work that must not interleave
 * with another's uncommitted result (a sign-up and the attendee's cancellation) holds one of these instead.
 * Take several in one fixed order (the attendee first, then aggregates by id) so two holders cannot deadlock.
 */
public class CommitLocks {

    private final JdbcClient jdbc;

    public CommitLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks until the lock is free; outside a transaction it would protect nothing, so that is refused. */
    public void lock(String key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a commit lock needs a transaction to last until: " + key);
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(key)
                .query((rs, n) -> Boolean.TRUE)
                .single();
    }
}
