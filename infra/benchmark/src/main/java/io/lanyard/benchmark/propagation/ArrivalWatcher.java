package io.lanyard.benchmark.propagation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.lanyard.benchmark.load.Latency;

/**
 * Watches a consuming service's table for ids the benchmark is waiting for, polling every millisecond with one
 * indexed query over everything still pending, and records how long each took to arrive after its command's
 * answer. An arrival is seen at most one poll (about a millisecond plus the query) after its commit.
 */
final class ArrivalWatcher implements AutoCloseable {

    private static final long POLL_INTERVAL_NANOS = Duration.ofMillis(1).toNanos();

    private final Connection connection;
    private final PreparedStatement query;
    private final Map<UUID, Long> pending = new ConcurrentHashMap<>();
    private final Map<UUID, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Latency latency = new Latency();
    private final Latency pollTime = new Latency();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile SQLException failure;

    /** When an id's command was answered and when its arrival was seen, both in {@link System#nanoTime()}. */
    record Arrival(long answeredAt, long seenAt) {
    }

    /** {@code sql} selects the found ids from a {@code uuid[]} parameter. */
    ArrivalWatcher(Connection connection, String sql) throws SQLException {
        this.connection = connection;
        this.query = connection.prepareStatement(sql);
        this.thread = Thread.ofPlatform().name("benchmark-arrival-watcher").daemon().start(this::watch);
    }

    void expect(UUID id, long answeredAt) {
        pending.put(id, answeredAt);
    }

    Latency latency() {
        return latency;
    }

    Map<UUID, Arrival> arrivals() {
        return arrivals;
    }

    Latency pollTime() {
        return pollTime;
    }

    /** Waits until nothing is pending or the time is up; returns how many never arrived. */
    int awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline && failure == null) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        if (failure != null) {
            throw new IllegalStateException("watching for arrivals failed", failure);
        }
        return pending.size();
    }

    private void watch() {
        while (running.get()) {
            if (!pending.isEmpty()) {
                try {
                    poll();
                } catch (SQLException e) {
                    failure = e;
                    return;
                }
            }
            LockSupport.parkNanos(POLL_INTERVAL_NANOS);
        }
    }

    private void poll() throws SQLException {
        Array ids = connection.createArrayOf("uuid", pending.keySet().toArray());
        long started = System.nanoTime();
        try (ResultSet found = executeWith(ids)) {
            long seen = System.nanoTime();
            pollTime.record(seen - started);
            while (found.next()) {
                Long answeredAt = pending.remove(found.getObject(1, UUID.class));
                if (answeredAt != null) {
                    latency.record(seen - answeredAt);
                    arrivals.put(found.getObject(1, UUID.class), new Arrival(answeredAt, seen));
                }
            }
        } finally {
            ids.free();
        }
    }

    private ResultSet executeWith(Array ids) throws SQLException {
        query.setArray(1, ids);
        return query.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        query.close();
        connection.close();
    }
}
