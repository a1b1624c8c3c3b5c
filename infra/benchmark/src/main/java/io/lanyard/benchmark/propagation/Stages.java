package io.lanyard.benchmark.propagation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;

import io.lanyard.benchmark.load.Latency;

/**
 * Where a propagation's time goes, per fact that arrived: the domain event's timestamp in the source store, the
 * HTTP answer, the publisher's hand-over to Kafka (record create time, millisecond resolution), the record being
 * readable by a consumer, the start of the consuming transaction ({@code processed_integration_event.processed_at})
 * and the arrival seen by the watcher. All clocks are this machine's.
 */
final class Stages {

    private final long epochMicrosAtStart = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    private final long nanoAtStart = System.nanoTime();

    private long micros(long nanoTime) {
        return epochMicrosAtStart + (nanoTime - nanoAtStart) / 1_000;
    }

    String describe(Map<UUID, ArrivalWatcher.Arrival> arrivals, TopicTap tap, Connection source, Connection target)
            throws SQLException {
        Map<UUID, UUID> eventOf = new HashMap<>();
        arrivals.keySet().forEach(id -> {
            TopicTap.Published p = tap.published(id);
            if (p != null) {
                eventOf.put(id, p.eventId());
            }
        });
        Map<UUID, Long> created = query(source, "select event_identifier, time_stamp from domain_event_entry "
                + "where event_identifier = any(?)", eventOf.values(), "varchar", rs -> ChronoUnit.MICROS.between(
                Instant.EPOCH, DateTimeUtils.parseInstant(rs.getString(2))));
        Map<UUID, Long> processed = query(target, "select event_id, processed_at from processed_integration_event "
                + "where event_id = any(?)", eventOf.values(), "uuid", rs -> ChronoUnit.MICROS.between(
                Instant.EPOCH, rs.getTimestamp(2).toInstant()));
        Map<String, Latency> stages = new LinkedHashMap<>();
        for (String stage : List.of("domain event created → HTTP 201 answered",
                "domain event created → handed to Kafka by the publisher",
                "handed to Kafka → readable by a consumer",
                "handed to Kafka → consuming transaction began",
                "consuming transaction began → seen committed",
                "HTTP 201 → seen committed (the measured propagation)")) {
            stages.put(stage, new Latency());
        }
        int complete = 0;
        for (Map.Entry<UUID, ArrivalWatcher.Arrival> arrival : arrivals.entrySet()) {
            UUID event = eventOf.get(arrival.getKey());
            TopicTap.Published p = tap.published(arrival.getKey());
            if (event == null || !created.containsKey(event) || !processed.containsKey(event)) {
                continue;
            }
            complete++;
            long tCreated = created.get(event);
            long tAnswered = micros(arrival.getValue().answeredAt());
            long tSent = p.createdAtMillis() * 1_000;
            long tReadable = micros(p.readAt());
            long tBegan = processed.get(event);
            long tSeen = micros(arrival.getValue().seenAt());
            long[] values = {tAnswered - tCreated, tSent - tCreated, tReadable - tSent, tBegan - tSent,
                    tSeen - tBegan, tSeen - tAnswered};
            int i = 0;
            for (Latency latency : stages.values()) {
                latency.record(values[i++] * 1_000);
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Stages of %,d arrivals (p50 / p99 / max, ms; negative spans count as 0):%n", complete));
        stages.forEach((stage, latency) -> out.append(String.format(Locale.ROOT, "  %-58s %8.1f %8.1f %8.1f%n",
                stage, latency.p50(), latency.p99(), latency.maxMs())));
        return out.toString();
    }

    private interface Column {
        long read(ResultSet rs) throws SQLException;
    }

    private static Map<UUID, Long> query(Connection connection, String sql, Collection<UUID> ids,
                                         String type, Column column) throws SQLException {
        Map<UUID, Long> values = new HashMap<>();
        List<Object> keys = new ArrayList<>();
        ids.forEach(id -> keys.add("varchar".equals(type) ? id.toString() : id));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf(type, keys.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.put(UUID.fromString(rs.getString(1)), column.read(rs));
                }
            }
        }
        return values;
    }
}
