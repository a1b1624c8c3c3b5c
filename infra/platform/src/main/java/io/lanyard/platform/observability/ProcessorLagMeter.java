package io.lanyard.platform.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How far each segment of each streaming event processor is behind the head of the event store, read from the
 * token store ({@code lanyard.processor.lag}, tags {@code processor} and {@code segment}) next to the head itself
 * ({@code lanyard.eventstore.head}). Read from the shared tables, every instance of a service reports the same
 * numbers, including for segments no instance holds. Subscribing processors (the read models) have no lag: they
 * run in the command's transaction.
 */
final class ProcessorLagMeter implements MeterBinder {

    static final String LAG = "lanyard.processor.lag";
    static final String HEAD = "lanyard.eventstore.head";

    private record Segment(String processor, int segment) {
    }

    private record Reading(long head, Map<Segment, Long> lag, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProcessorLagMeter.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Duration refresh;
    private final Set<Segment> registered = ConcurrentHashMap.newKeySet();
    private volatile Reading reading = new Reading(-1, Map.of(), Instant.MIN);
    private MeterRegistry registry;

    ProcessorLagMeter(JdbcClient jdbc, Serializer serializer, Clock clock, Duration refresh) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(HEAD, this, m -> m.current().head())
                .description("global index of the newest event in the event store")
                .register(registry);
    }

    double lag(Segment segment) {
        Long lag = current().lag().get(segment);
        return lag == null ? Double.NaN : lag;
    }

    void refresh() {
        current();
    }

    /** Reads again when the last reading is older than the refresh interval. */
    private synchronized Reading current() {
        if (reading.at().plus(refresh).isAfter(clock.instant())) {
            return reading;
        }
        try {
            reading = read();
        } catch (RuntimeException e) {
            log.warn("Could not read event processor positions: {}", e.toString());
            reading = new Reading(reading.head(), reading.lag(), clock.instant());
        }
        reading.lag().keySet().forEach(this::register);
        return reading;
    }

    private Reading read() {
        long head = jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry")
                .query(Long.class).single();
        Map<Segment, Long> lag = new HashMap<>();
        jdbc.sql("select processor_name, segment, token, token_type from token_entry").query(rs -> {
            Segment segment = new Segment(rs.getString("processor_name"), rs.getInt("segment"));
            long position = position(rs.getBytes("token"), rs.getString("token_type"));
            lag.put(segment, Math.max(0, head - position));
        });
        return new Reading(head, Map.copyOf(lag), clock.instant());
    }

    /** A segment that has not started yet stands before the first event. */
    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    private void register(Segment segment) {
        if (registry != null && registered.add(segment)) {
            Gauge.builder(LAG, this, m -> m.lag(segment))
                    .description("events between the head of the event store and the segment's token")
                    .tag("processor", segment.processor())
                    .tag("segment", Integer.toString(segment.segment()))
                    .register(registry);
        }
    }
}
