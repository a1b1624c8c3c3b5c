package io.lanyard.benchmark.replay;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.commands.IndependentCommandsScenario;
import io.lanyard.benchmark.Population;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.load.Http;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.stack.PublishFromTheHead;
import io.lanyard.benchmark.stack.ServiceInstance;
import io.lanyard.benchmark.stack.Infrastructure;
import io.lanyard.benchmark.store.EventStoreLoader;
import io.lanyard.benchmark.store.StoredFormat;
import io.lanyard.platform.personaldata.PersonalDataSerializer;
import io.lanyard.registration.RegistrationApplication;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.SeatSold;

/**
 * Rebuilding a read model from a million stored events. The store is bulk-loaded with registration's history in
 * registration's exact storage format. Judged: the operator's replay endpoint of a registration service on that
 * store, for its two large read models. For comparison: how fast Axon's event store alone streams the events
 * (default and larger fetch size), and a pooled streaming processor that rebuilds the same tables with one JDBC
 * batch per processor batch.
 */
public final class ReplayScenario {

    /** A value sealed under a person's key, as the platform's {@code FieldCipher} writes it. */
    private static final Pattern SEALED = Pattern.compile("(\"pd1:)([A-Za-z0-9+/=]+)");

    public static final String NAME = "5. Replay";
    private static final String DATABASE = "bench_replay";
    private static final double TARGET = 50_000;

    private ReplayScenario() {
    }

    public static void run(Bench bench, StoredFormat format) throws Exception {
        Report report = bench.report();
        Infrastructure infrastructure = bench.infrastructure();
        int events = bench.options().replayEvents();
        int batch = bench.options().replayBatch();
        report.note(NAME, "Stored format: " + format.verified());
        infrastructure.dropDatabase(DATABASE);
        EventStoreLoader.Loaded loaded = EventStoreLoader.load(infrastructure, DATABASE, format, events, true,
                Duration.ofHours(1));
        report.note(NAME, "Bulk load, with the read models that history implies: " + loaded.describe() + ".");
        try {
            serviceReplays(bench, events);
            try (HikariDataSource pool = infrastructure.pool(DATABASE, 4)) {
                TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
                double defaultFetch = stream(pool, transactions, format, 100, events);
                report.info(NAME, "event store stream + deserialize, fetch size 100 (Axon default)", defaultFetch,
                        "events/s");
                double largerFetch = stream(pool, transactions, format, batch, events);
                report.info(NAME, "event store stream + deserialize, fetch size " + batch, largerFetch, "events/s");
                Rebuild rebuild = rebuild(pool, transactions, format, batch, 2, events);
                report.info(NAME, "alternative: processor rebuild with batched writes (batch " + batch + ")",
                        rebuild.eventsPerSecond(), "events/s");
                report.note(NAME, String.format(Locale.ROOT, "The alternative: a pooled streaming processor (2 "
                                + "segments, batch %d, in-memory token store) rebuilding registration_view and "
                                + "quota_segment_view into fresh tables with one JDBC batch per table and processor "
                                + "batch; wrote %,d registrations and %,d quota segments in %.1f s.", batch,
                        rebuild.registrations(), rebuild.segments(), rebuild.seconds()));
            }
        } finally {
            infrastructure.dropDatabase(DATABASE);
        }
    }

    /**
     * The way Lanyard rebuilds a read model: the operator endpoint, which in one transaction empties the read
     * model's tables and applies every stored event to the projection's own handlers.
     */
    private static void serviceReplays(Bench bench, int events) {
        Report report = bench.report();
        try (ServiceInstance service = ServiceInstance.start("registration-replay",
                RegistrationApplication::application, bench.infrastructure(), DATABASE,
                List.of("--lanyard.kafka.group-id=benchmark-replay", "--lanyard.kafka.subscriptions="),
                PublishFromTheHead.class)) {
            String operator = service.token("operator-benchmark", "OPERATOR");
            for (String readModel : List.of("registration-view", "ticket-type-view")) {
                Http.Answer answer = bench.http().send("POST", service.url() + "/admin/read-models/" + readModel
                        + "/replay", operator, null, Map.of(), Duration.ofHours(1));
                Lanyard.expect(answer, 200, "POST /admin/read-models/" + readModel + "/replay");
                long read = answer.json().path("eventsRead").asLong();
                long applied = answer.json().path("eventsApplied").asLong();
                double seconds = answer.nanos() / 1e9;
                report.target(NAME, "operator replay of " + readModel + " (" + String.format(Locale.ROOT, "%,d",
                        read) + " events read)", read / seconds, "events/s", Report.Goal.AT_LEAST, TARGET, "");
                report.note(NAME, String.format(Locale.ROOT, "`POST /admin/read-models/%s/replay`: %,d events read, "
                        + "%,d applied to its handlers, %.1f s; answered %s.", readModel, read, applied, seconds,
                        answer.body()));
                if (read < events) {
                    report.note(NAME, "The replay read fewer events than the store holds.");
                }
            }
        }
    }

    record Rebuild(double eventsPerSecond, double seconds, long registrations, long segments) {
    }

    private static EmbeddedEventStore eventStore(HikariDataSource pool, TransactionManager transactions,
                                                 StoredFormat format, int fetchSize) {
        // each person's data is opened with their key, read from the store's key table as the service reads it
        Serializer sealing = format.sealingWith(StoredFormat.keysOf(pool));
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(pool))
                .transactionManager(transactions)
                .eventSerializer(sealing)
                .snapshotSerializer(sealing)
                .schema(format.schema())
                .dataType(byte[].class)
                .batchSize(fetchSize)
                .build();
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    private static double stream(HikariDataSource pool, TransactionManager transactions, StoredFormat format,
                                 int fetchSize, int events) throws Exception {
        EmbeddedEventStore store = eventStore(pool, transactions, format, fetchSize);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                if (stream.nextAvailable().getPayload() == null) {
                    throw new IllegalStateException("event " + i + " has no payload");
                }
            }
            return events / ((System.nanoTime() - start) / 1e9);
        } finally {
            store.shutDown();
        }
    }

    private static Rebuild rebuild(HikariDataSource pool, TransactionManager transactions, StoredFormat format,
                                   int batch, int segments, int events) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table rebuilt_registration_view (like registration_view including all)");
            statement.execute("create table rebuilt_quota_segment_view (like quota_segment_view including all)");
        }
        EmbeddedEventStore store = eventStore(pool, transactions, format, batch);
        long head = events;
        RegistrationViewRebuild projection = new RegistrationViewRebuild(pool);
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("benchmark-rebuild")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projection).build())
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(transactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .batchSize(batch)
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        long start = System.nanoTime();
        processor.start();
        try {
            long deadline = start + Duration.ofMinutes(20).toNanos();
            while (!reached(processor, head)) {
                if (System.nanoTime() > deadline || processor.isError()) {
                    throw new IllegalStateException("the rebuild did not reach the head of the store");
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Rebuild(events / seconds, seconds, count(pool, "rebuilt_registration_view"),
                    count(pool, "rebuilt_quota_segment_view"));
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
            store.shutDown();
        }
    }

    private static boolean reached(PooledStreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }

    private static long count(HikariDataSource pool, String table) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Reads the newest rows registration wrote in this run and checks that the bulk loader would write the same:
     * the payload re-serialized by the service's serializer is byte-identical but for the values sealed under a
     * person's key (each sealing draws a fresh nonce, so only their place and length can be compared) and reads back
     * as the same event, the timestamp round-trips through Axon's formatter, and the aggregate type and metadata keys
     * are taken from what is there.
     */
    public static StoredFormat checkStoredFormat(Bench bench) throws Exception {
        if (bench.population() == null) {
            Lanyard api = bench.lanyard();
            String organizer = api.organizerToken("organizer-format");
            UUID conference = api.conference(organizer, "Format check");
            Population population = new Population(conference,
                    List.of(api.ticketType(organizer, conference, "Format", 10)), organizer);
            IndependentCommandsScenario.register(api, population, "format-", 2, 1);
        }
        Serializer serializer = bench.registration().bean("eventSerializer", Serializer.class);
        EventSchema schema = bench.registration().bean(EventSchema.class);
        Map<String, String> aggregateTypes = new LinkedHashMap<>();
        Set<String> metaDataKeys = new LinkedHashSet<>();
        StringBuilder verified = new StringBuilder();
        try (Connection connection = bench.infrastructure().connect("registration");
             Statement statement = connection.createStatement()) {
            for (Class<?> payloadType : List.of(AttendeeRegistered.class, SeatSold.class)) {
                try (ResultSet row = statement.executeQuery("select type, payload_type, payload_revision, payload, "
                        + "meta_data, time_stamp from domain_event_entry where payload_type = '"
                        + payloadType.getName() + "' order by global_index desc limit 1")) {
                    if (!row.next()) {
                        throw new IllegalStateException("registration stored no " + payloadType.getSimpleName());
                    }
                    byte[] payload = row.getBytes("payload");
                    Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                            row.getString("payload_type"), row.getString("payload_revision")));
                    SerializedObject<byte[]> again = serializer.serialize(event, byte[].class);
                    MetaData metaData = serializer.deserialize(
                            new SerializedMetaData<>(row.getBytes("meta_data"), byte[].class));
                    String timestamp = row.getString("time_stamp");
                    Object reread = serializer.deserialize(again);
                    boolean same = Arrays.equals(withoutSealedValues(payload), withoutSealedValues(again.getData()))
                            && event.equals(reread)
                            && again.getType().getName().equals(row.getString("payload_type"))
                            && DateTimeUtils.formatInstant(DateTimeUtils.parseInstant(timestamp)).equals(timestamp);
                    if (!same) {
                        throw new IllegalStateException("the bulk loader would not write " + payloadType.getSimpleName()
                                + " as registration does: stored " + new String(payload) + " at " + timestamp);
                    }
                    aggregateTypes.put(payloadType.getName(), row.getString("type"));
                    metaDataKeys.addAll(metaData.keySet());
                    verified.append(String.format(Locale.ROOT, "%s row (type column `%s`, %d-byte JSON payload, "
                                    + "time_stamp `%s`) re-serialized byte-identical; ", payloadType.getSimpleName(),
                            row.getString("type"), payload.length, timestamp));
                }
            }
        }
        metaDataKeys.remove("traceparent");
        verified.append("metadata keys ").append(metaDataKeys).append('.');
        verified.append(" Sealed personal values compared by place and length (a fresh nonce each): ")
                .append(sealedValuesIn(bench, serializer)).append('.');
        if (!(serializer instanceof PersonalDataSerializer sealing)) {
            throw new IllegalStateException("registration's event serializer does not seal personal data: "
                    + serializer.getClass().getName());
        }
        return new StoredFormat(sealing.delegate(), schema, aggregateTypes, metaDataKeys, verified.toString());
    }

    /** A sealed value is {@code "pd1:<base64>"}; its base64 is replaced by as many {@code *}, keeping its length. */
    private static byte[] withoutSealedValues(byte[] json) {
        return SEALED.matcher(new String(json, StandardCharsets.UTF_8))
                .replaceAll(match -> match.group(1) + "*".repeat(match.group(2).length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sealedValuesIn(Bench bench, Serializer serializer) throws Exception {
        try (Connection connection = bench.infrastructure().connect("registration");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select payload from domain_event_entry where payload_type = '"
                     + AttendeeRegistered.class.getName() + "' order by global_index desc limit 1")) {
            row.next();
            long sealed = SEALED.matcher(new String(row.getBytes(1), StandardCharsets.UTF_8)).results().count();
            return sealed + " in the newest AttendeeRegistered";
        }
    }
}
