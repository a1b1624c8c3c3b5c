package io.lanyard.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbox table worked off by any number of instances of a service: rows are written in the transaction that
 * decided something must be sent, and a worker claims the due ones, sends them outside any transaction and records
 * the outcome here.
 * <p>
 * A claim is a lease: a short transaction picks due rows with {@code FOR UPDATE SKIP LOCKED} (two instances claiming
 * at once take different rows) and marks them {@code claimed_until} a moment that outlasts one attempt, by this
 * owner. Until the lease runs out no other claim sees the row, so no row is sent twice at the same time; a worker
 * that died mid-attempt leaves a lease that simply expires, and the row is tried again. Outcomes are recorded only
 * while the claim is still this owner's, so a worker that outlived its lease cannot overwrite a newer attempt.
 * <p>
 * With a lane column (the receiver, say) a lane has at most one row in flight across all instances, so one slow
 * receiver holds one sending slot, never all of them.
 * <p>
 * The table needs these columns beside its own: {@code <id> uuid primary key}, {@code status text} (
 * {@code PENDING}, the table's done status, {@code FAILED}), {@code attempts integer}, {@code created_at},
 * {@code next_attempt_at}, {@code claimed_until}, {@code last_attempt_at} ({@code timestamptz}), {@code claimed_by
 * text}, {@code last_status_code integer}, {@code last_error text}, and an index on {@code next_attempt_at} where
 * the status is {@code PENDING}. A table with lanes needs two more, both where the status is {@code PENDING}: on
 * {@code (<lane>, next_attempt_at, <id>)}, and on {@code (<lane>, claimed_until)} where {@code claimed_until} is
 * not null (the rows in flight).
 */
public class DeliveryQueue {

    public static final String PENDING = "PENDING";
    public static final String FAILED = "FAILED";

    /**
     * @param name       the table
     * @param idColumn   its primary key, a uuid
     * @param laneColumn rows of one lane are sent one at a time; null for no lanes
     * @param doneStatus the status of a row sent for good ({@code DELIVERED}, {@code SENT})
     */
    public record Table(String name, String idColumn, String laneColumn, String doneStatus) {

        public Table {
            for (String identifier : laneColumn == null ? List.of(name, idColumn) : List.of(name, idColumn, laneColumn)) {
                if (!identifier.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
                }
            }
        }
    }

    /** One claimed row and which attempt this is (1 for the first). */
    public record Claim(UUID id, int attempt) {
    }

    /** What became of a failed attempt. */
    public enum AfterFailure { RETRY, FAILED, SUPERSEDED }

    private final Table table;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final String owner;

    /**
     * @param lease how long a claim keeps others away; longer than one attempt can take
     * @param owner this worker's name in {@code claimed_by}; unique per worker (instance and context)
     */
    public DeliveryQueue(Table table, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                         RetrySchedule schedule, Duration lease, String owner) {
        this.table = table;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.schedule = schedule;
        this.lease = lease;
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /** Claims up to {@code max} due rows for this owner, the longest-waiting first, in a transaction of its own. */
    public List<Claim> claimDue(int max) {
        if (max <= 0) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        String id = table.idColumn();
        String claimable = "status = 'PENDING' and next_attempt_at <= :now"
                + " and (claimed_until is null or claimed_until <= :now)";
        String sql;
        if (table.laneColumn() == null) {
            sql = "with due as (select " + id + " from " + table.name() + " where " + claimable
                    + " order by next_attempt_at, " + id + " limit :max for update skip locked) " + claimUpdate();
        } else {
            // The first due row of each lane that has nothing in flight, read from the indexes alone: the lanes with
            // pending rows are walked one index probe each (a loose index scan), then one probe finds a lane's
            // first due row and one whether it has a row in flight. Ranking every pending row instead grows with
            // the backlog (a rush queues thousands per webhook) and ran on every poll.
            String lane = table.laneColumn();
            sql = "with recursive lanes(lane) as ("
                    + "(select " + lane + " from " + table.name() + " where status = 'PENDING' order by " + lane
                    + " limit 1) union all select (select " + lane + " from " + table.name()
                    + " where status = 'PENDING' and " + lane + " > lanes.lane order by " + lane + " limit 1)"
                    + " from lanes where lanes.lane is not null), "
                    + "firsts as (select first." + id + " from lanes cross join lateral (select q." + id
                    + " from " + table.name() + " q where q." + lane + " = lanes.lane and " + claimable
                    + " order by q.next_attempt_at, q." + id + " limit 1) first"
                    + " where not exists (select 1 from " + table.name() + " busy where busy." + lane
                    + " = lanes.lane and busy.status = 'PENDING' and busy.claimed_until > :now)), "
                    + "due as (select " + id + " from " + table.name() + " where " + id + " in (select " + id
                    + " from firsts) and " + claimable + " order by next_attempt_at, " + id
                    + " limit :max for update skip locked) " + claimUpdate();
        }
        return transactions.execute(status -> jdbc.sql(sql)
                .param("now", now).param("until", until).param("owner", owner).param("max", max)
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list());
    }

    private String claimUpdate() {
        return "update " + table.name() + " t set claimed_until = :until, claimed_by = :owner,"
                + " attempts = t.attempts + 1, last_attempt_at = :now from due where t." + table.idColumn() + " = due."
                + table.idColumn() + " returning t." + table.idColumn() + ", t.attempts";
    }

    /** The attempt succeeded; false if the claim was no longer this owner's. */
    public boolean succeeded(Claim claim, Integer statusCode) {
        return jdbc.sql("update " + table.name() + " set status = :done, next_attempt_at = null,"
                        + " claimed_until = null, claimed_by = null, last_status_code = :code, last_error = null"
                        + " where " + table.idColumn() + " = :id and claimed_by = :owner and status = 'PENDING'")
                .param("done", table.doneStatus()).param("code", statusCode, java.sql.Types.INTEGER)
                .param("id", claim.id()).param("owner", owner)
                .update() == 1;
    }

    /**
     * The attempt failed: the row is due again after the schedule's pause, or, after the last attempt, failed for
     * good.
     */
    public AfterFailure failed(Claim claim, Integer statusCode, String error) {
        Optional<Duration> pause = schedule.pauseAfter(claim.attempt());
        if (pause.isEmpty()) {
            return giveUp(claim, statusCode, error) ? AfterFailure.FAILED : AfterFailure.SUPERSEDED;
        }
        int updated = jdbc.sql("update " + table.name() + " set next_attempt_at = :next, claimed_until = null,"
                        + " claimed_by = null, last_status_code = :code, last_error = :error"
                        + " where " + table.idColumn() + " = :id and claimed_by = :owner and status = 'PENDING'")
                .param("next", Timestamp.from(clock.instant().plus(pause.get())))
                .param("code", statusCode, java.sql.Types.INTEGER).param("error", error)
                .param("id", claim.id()).param("owner", owner)
                .update();
        return updated == 1 ? AfterFailure.RETRY : AfterFailure.SUPERSEDED;
    }

    /** The attempt failed in a way no retry mends; false if the claim was no longer this owner's. */
    public boolean giveUp(Claim claim, Integer statusCode, String error) {
        return jdbc.sql("update " + table.name() + " set status = 'FAILED', next_attempt_at = null,"
                        + " claimed_until = null, claimed_by = null, last_status_code = :code, last_error = :error"
                        + " where " + table.idColumn() + " = :id and claimed_by = :owner and status = 'PENDING'")
                .param("code", statusCode, java.sql.Types.INTEGER).param("error", error)
                .param("id", claim.id()).param("owner", owner)
                .update() == 1;
    }

    /**
     * Makes a row due now, whatever became of it: a failed one gets one attempt more, a pending one skips the rest
     * of its pause, a sent one is sent again (receivers deduplicate by its id). False for an unknown id.
     */
    public boolean retryNow(UUID id) {
        return jdbc.sql("update " + table.name() + " set status = 'PENDING', next_attempt_at = :now"
                        + " where " + table.idColumn() + " = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .update() == 1;
    }

    /** Rows still to be sent. */
    public long depth() {
        return jdbc.sql("select count(*) from " + table.name() + " where status = 'PENDING'")
                .query(Long.class).single();
    }

    /** How long the oldest row still to be sent has waited; zero when there is none. */
    public Duration oldestPendingAge() {
        // min() of no rows is one row holding null, which single() refuses
        Timestamp oldest = jdbc.sql("select min(created_at) from " + table.name() + " where status = 'PENDING'")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).single().orElse(null);
        Instant now = clock.instant();
        return oldest == null || oldest.toInstant().isAfter(now) ? Duration.ZERO
                : Duration.between(oldest.toInstant(), now);
    }
}
