package io.lanyard.sprints.sprint;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises a sign-up with the cancellation of the same attendee. Without it the two could pass each other: the
 * sign-up reads the attendee as registered while the cancellation, not yet committed, finds no sprint to leave,
 * and the cancelled attendee keeps a place. Holding a transaction-scoped PostgreSQL advisory lock on the attendee
 * while checking, one of them always sees the other's committed result.
 */
@Component
public class AttendeeLocks {

    private final JdbcClient jdbc;

    AttendeeLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the surrounding transaction ends; outside a transaction it would protect nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID attendeeId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(attendeeId.toString())
                .query((rs, n) -> Boolean.TRUE)
                .single();
    }
}
