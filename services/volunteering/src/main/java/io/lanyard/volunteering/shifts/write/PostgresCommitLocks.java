package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Transaction-scoped PostgreSQL advisory locks; outside a transaction they would protect nothing. */
@Component
class PostgresCommitLocks implements CommitLocks {

    private final JdbcClient jdbc;

    PostgresCommitLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockVolunteer(UUID conferenceId, UUID attendeeId) {
        lock("volunteer/" + VolunteerSchedule.idOf(conferenceId, attendeeId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockShift(UUID shiftId) {
        lock("shift/" + shiftId);
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(key)
                .query((rs, n) -> Boolean.TRUE)
                .single();
    }
}
