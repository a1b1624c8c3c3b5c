package io.lanyard.benchmark.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.load.Latency;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.stack.Infrastructure;

/**
 * The physical ceiling on this machine, in this run: PostgreSQL appending one event-shaped row per transaction
 * into a table exactly like the event store's (created by the platform's own migration), from one client and from
 * as many clients as the command scenarios use; and Kafka's produce→consume round trip with the platform's
 * producer settings.
 */
public final class BaselineScenario {

    public static final String NAME = "1. Baseline";
    private static final String DATABASE = "bench_baseline";

    private BaselineScenario() {
    }

    public static void run(Bench bench) throws Exception {
        Report report = bench.report();
        Infrastructure infrastructure = bench.infrastructure();
        infrastructure.dropDatabase(DATABASE);
        try (Connection connection = infrastructure.connect(DATABASE);
             Statement statement = connection.createStatement()) {
            statement.execute(platformEventStoreDdl());
        }
        Duration duration = bench.options().baselineDuration();
        int clients = bench.options().concurrency();
        Appends one = appends(infrastructure, 1, duration);
        report.info(NAME, "JDBC appends, 1 client", one.perSecond(), "rows/s");
        report.info(NAME, "JDBC append latency p99, 1 client", one.latency().p99(), "ms");
        Appends many = appends(infrastructure, clients, duration);
        report.info(NAME, "JDBC appends, " + clients + " clients", many.perSecond(), "rows/s");
        report.info(NAME, "JDBC append latency p50, " + clients + " clients", many.latency().p50(), "ms");
        report.info(NAME, "JDBC append latency p99, " + clients + " clients", many.latency().p99(), "ms");
        bench.baselineAppendsPerSecond(many.perSecond());
        report.note(NAME, String.format(Locale.ROOT, "JDBC: autocommit INSERT of one %d-byte-payload row into a copy "
                        + "of domain_event_entry (platform migration V1, same indexes), %d s per client count.",
                PAYLOAD.length, duration.toSeconds()));
        infrastructure.dropDatabase(DATABASE);

        KafkaRoundTrip.run(bench);
    }

    record Appends(long rows, double seconds, Latency latency) {
        double perSecond() {
            return rows / seconds;
        }
    }

    private static Appends appends(Infrastructure infrastructure, int clients, Duration duration) throws Exception {
        Latency latency = new Latency();
        List<Future<Long>> done = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> appendUntil(infrastructure, deadline, latency)));
            }
        }
        long rows = 0;
        for (Future<Long> f : done) {
            rows += f.get();
        }
        return new Appends(rows, (System.nanoTime() - start) / 1e9, latency);
    }

    private static long appendUntil(Infrastructure infrastructure, long deadline, Latency latency) throws SQLException {
        try (Connection connection = infrastructure.connect(DATABASE);
             PreparedStatement insert = connection.prepareStatement("""
                     insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                         meta_data, payload, payload_type, time_stamp)
                     values (?, 0, 'Registration', ?, ?, ?,
                             'io.lanyard.registration.registrations.write.AttendeeRegistered', ?)""")) {
            long rows = 0;
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, META_DATA);
                insert.setBytes(4, PAYLOAD);
                insert.setString(5, Instant.now().toString());
                insert.executeUpdate();
                latency.record(System.nanoTime() - t0);
                rows++;
            }
            return rows;
        }
    }

    private static String platformEventStoreDdl() throws IOException {
        try (InputStream in = BaselineScenario.class.getResourceAsStream("/db/platform/V1__axon_event_store.sql")) {
            if (in == null) {
                throw new IllegalStateException("the platform's event store migration is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The size and shape of a stored AttendeeRegistered and its metadata. */
    private static final byte[] PAYLOAD = ("{\"attendeeId\":\"" + UUID.randomUUID() + "\",\"conferenceId\":\""
            + UUID.randomUUID() + "\",\"ticketTypeId\":\"" + UUID.randomUUID() + "\",\"segmentId\":\""
            + UUID.randomUUID() + "\",\"subject\":\"attendee-000123\",\"name\":\"Attendee 000123\","
            + "\"email\":\"attendee.000123@example.org\",\"registeredAt\":\"2027-02-01T10:00:00.123456Z\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] META_DATA = ("{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\""
            + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
}
