package io.lanyard.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Crypto-shredding through a real JDBC event store on PostgreSQL, events and snapshots. */
class PersonalDataSerializerTest {

    record GuestRegistered(@DataSubject UUID guestId, UUID dinnerId, @PersonalData String name,
                           @PersonalData List<String> dietary, int seats,
                           @NotPersonalData("the dinner's") String dinnerName) {
    }

    record Guest(@DataSubject UUID guestId, @PersonalData String name) {
    }

    record TableSeated(UUID tableId, List<Guest> guests) {
    }

    /** Snapshotted state, as aggregates are: fields, not a record. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static class Table {
        @DataSubject
        UUID hostId;
        @PersonalData
        String hostName;
        int seatsTaken;
        List<Guest> guests = new ArrayList<>();
    }

    /** Snapshotted state that keeps its records by id, as a dinner keeps its tickets. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static class Seating {
        int seats;
        Map<UUID, Guest> byTicket = new HashMap<>();
    }

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private final Random random = new Random(19);

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private final Serializer plain = Jackson3Serializer.builder().build();
    private final PersonalDataKeys keys = new PersonalDataKeys(jdbc, Clock.systemUTC(),
            new PersonalDataProperties(100, Duration.ofMinutes(1)));
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(plain, () -> keys);
    private final JdbcEventStorageEngine store = engine(serializer);

    private static JdbcEventStorageEngine engine(Serializer serializer) {
        ConnectionProvider connections = () -> DataSourceUtils.getConnection(dataSource);
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventSchema.builder()
                        .eventTable("domain_event_entry")
                        .snapshotTable("snapshot_event_entry")
                        .globalIndexColumn("global_index")
                        .timestampColumn("time_stamp")
                        .eventIdentifierColumn("event_identifier")
                        .aggregateIdentifierColumn("aggregate_identifier")
                        .sequenceNumberColumn("sequence_number")
                        .typeColumn("type")
                        .payloadTypeColumn("payload_type")
                        .payloadRevisionColumn("payload_revision")
                        .payloadColumn("payload")
                        .metaDataColumn("meta_data")
                        .build())
                .build();
    }

    @Test
    void an_event_with_personal_data_reads_back_as_it_was_written() {
        GuestRegistered event = guest("Ada Lovelace", List.of("vegan", "no nuts"));
        String aggregate = append(event);

        assertThat(read(aggregate)).containsExactly(event);
    }

    @Test
    void the_stored_bytes_hold_the_personal_values_sealed_and_the_rest_in_the_clear() {
        GuestRegistered event = guest("Grace Hopper", List.of("halal"));
        String aggregate = append(event);

        String stored = storedPayload(aggregate);
        assertThat(stored).doesNotContain("Grace Hopper").doesNotContain("halal").contains("pd1:")
                .contains(event.guestId().toString()).contains("Harbour Dinner");
        assertThat(jdbc.sql("select count(*) from personal_data_key where subject = ?")
                .param(event.guestId().toString()).query(Long.class).single()).isOne();
    }

    @Test
    void after_the_key_is_destroyed_the_event_reads_with_placeholders_and_keeps_its_counts() {
        GuestRegistered erased = guest("Katherine Johnson", List.of("kosher"));
        GuestRegistered kept = guest("Dorothy Vaughan", List.of("vegetarian"));
        String erasedAggregate = append(erased);
        String keptAggregate = append(kept);

        assertThat(keys.destroy(erased.guestId().toString())).isTrue();

        assertThat(read(erasedAggregate)).containsExactly(new GuestRegistered(erased.guestId(), erased.dinnerId(),
                PersonalFields.ERASED, List.of(), erased.seats(), "Harbour Dinner"));
        assertThat(read(keptAggregate)).containsExactly(kept);
        PersonalDataKeys anotherInstance = new PersonalDataKeys(jdbc, Clock.systemUTC(),
                new PersonalDataProperties(100, Duration.ofMinutes(1)));
        assertThat(((GuestRegistered) read(engine(new PersonalDataSerializer(plain, () -> anotherInstance)),
                erasedAggregate).getFirst()).name()).isEqualTo(PersonalFields.ERASED);
        assertThat(jdbc.sql("select count(*) from personal_data_key where subject = ? and data_key is null")
                .param(erased.guestId().toString()).query(Long.class).single()).isOne();
    }

    @Test
    void a_second_destruction_changes_nothing_and_nothing_is_sealed_under_a_new_key_afterwards() {
        GuestRegistered event = guest("Hedy Lamarr", List.of());
        String subject = event.guestId().toString();
        append(event);
        assertThat(keys.destroy(subject)).isTrue();
        assertThat(keys.destroy(subject)).isFalse();

        String later = append(event);

        assertThat(storedPayload(later)).doesNotContain("Hedy Lamarr");
        assertThat(((GuestRegistered) read(later).getFirst()).name()).isEqualTo(PersonalFields.ERASED);
        assertThat(keys.keyForReading(subject)).isEmpty();
    }

    @Test
    void nested_records_are_sealed_under_their_own_subjects() {
        Guest erased = new Guest(UUID.randomUUID(), "Mary Jackson");
        Guest kept = new Guest(UUID.randomUUID(), "Annie Easley");
        TableSeated event = new TableSeated(UUID.randomUUID(), List.of(erased, kept));
        String aggregate = append(event);
        assertThat(storedPayload(aggregate)).doesNotContain("Mary Jackson").doesNotContain("Annie Easley");

        keys.destroy(erased.guestId().toString());

        assertThat(read(aggregate)).containsExactly(new TableSeated(event.tableId(),
                List.of(new Guest(erased.guestId(), PersonalFields.ERASED), kept)));
    }

    @Test
    void a_snapshot_is_sealed_and_reads_back_and_reads_erased_once_the_key_is_gone() {
        Table table = new Table();
        table.hostId = UUID.randomUUID();
        table.hostName = "Margaret Hamilton";
        table.seatsTaken = 7;
        table.guests.add(new Guest(UUID.randomUUID(), "Radia Perlman"));
        String aggregate = UUID.randomUUID().toString();
        store.storeSnapshot(new GenericDomainEventMessage<>("Table", aggregate, 3, table));

        String stored = new String(jdbc.sql("select payload from snapshot_event_entry where aggregate_identifier = ?")
                .param(aggregate).query(byte[].class).single(), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("Margaret Hamilton").doesNotContain("Radia Perlman").contains("pd1:")
                .contains("\"seatsTaken\":7");
        Table loaded = (Table) store.readSnapshot(aggregate).orElseThrow().getPayload();
        assertThat(loaded.hostName).isEqualTo("Margaret Hamilton");
        assertThat(loaded.guests).containsExactly(table.guests.getFirst());

        keys.destroy(table.hostId.toString());

        Table erased = (Table) store.readSnapshot(aggregate).orElseThrow().getPayload();
        assertThat(erased.hostName).isEqualTo(PersonalFields.ERASED);
        assertThat(erased.seatsTaken).isEqualTo(7);
        assertThat(erased.guests).containsExactly(table.guests.getFirst());
    }

    @Test
    void records_kept_as_the_values_of_a_map_are_sealed_under_their_own_subjects() {
        Seating seating = new Seating();
        seating.seats = 12;
        Guest erased = new Guest(UUID.randomUUID(), "Sophie Wilson");
        Guest kept = new Guest(UUID.randomUUID(), "Barbara Liskov");
        UUID erasedTicket = UUID.randomUUID();
        UUID keptTicket = UUID.randomUUID();
        seating.byTicket.put(erasedTicket, erased);
        seating.byTicket.put(keptTicket, kept);
        String aggregate = UUID.randomUUID().toString();
        store.storeSnapshot(new GenericDomainEventMessage<>("Seating", aggregate, 5, seating));

        String stored = new String(jdbc.sql("select payload from snapshot_event_entry where aggregate_identifier = ?")
                .param(aggregate).query(byte[].class).single(), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("Sophie Wilson").doesNotContain("Barbara Liskov").contains("pd1:")
                .contains(erasedTicket.toString());
        keys.destroy(erased.guestId().toString());

        Seating loaded = (Seating) store.readSnapshot(aggregate).orElseThrow().getPayload();
        assertThat(loaded.seats).isEqualTo(12);
        assertThat(loaded.byTicket).containsOnly(Map.entry(erasedTicket, new Guest(erased.guestId(),
                PersonalFields.ERASED)), Map.entry(keptTicket, kept));
    }

    @Test
    void events_stored_in_the_clear_before_crypto_shredding_still_load() {
        GuestRegistered legacy = guest("Frances Allen", List.of("gluten-free"));
        String aggregate = UUID.randomUUID().toString();
        engine(plain).appendEvents(new GenericDomainEventMessage<>("Guest", aggregate, 0, legacy));
        assertThat(storedPayload(aggregate)).contains("Frances Allen");

        assertThat(read(aggregate)).containsExactly(legacy);
    }

    @Test
    void a_key_made_in_a_transaction_that_rolled_back_is_not_used_again() {
        String subject = UUID.randomUUID().toString();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        byte[] rolledBack = transaction.execute(status -> {
            byte[] key = keys.keyForWriting(subject).orElseThrow().getEncoded();
            status.setRollbackOnly();
            return key;
        });

        byte[] kept = keys.keyForWriting(subject).orElseThrow().getEncoded();

        assertThat(kept).isNotEqualTo(rolledBack);
        assertThat(jdbc.sql("select data_key from personal_data_key where subject = ?").param(subject)
                .query(byte[].class).single()).isEqualTo(kept);
    }

    /** Every registration makes a new person's key in the command's transaction: one read and one insert. */
    @Test
    void a_new_persons_key_costs_one_read_and_the_insert_that_answers_with_it() {
        List<String> statements = new ArrayList<>();
        DataSource counting = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")) {
                                statements.add((String) args[0]);
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        PersonalDataKeys fresh = new PersonalDataKeys(JdbcClient.create(counting), Clock.systemUTC(),
                new PersonalDataProperties(100, Duration.ofMinutes(1)));
        String subject = UUID.randomUUID().toString();

        byte[] made = fresh.keyForWriting(subject).orElseThrow().getEncoded();

        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).startsWith("insert");
        assertThat(jdbc.sql("select data_key from personal_data_key where subject = ?").param(subject)
                .query(byte[].class).single()).isEqualTo(made);
        assertThat(fresh.keyForWriting(subject).orElseThrow().getEncoded()).isEqualTo(made);
        assertThat(statements).as("the second use is the cache's").hasSize(2);
    }

    @Test
    void a_stream_of_many_persons_events_reads_their_keys_ahead_in_the_order_they_were_made() {
        List<GuestRegistered> guests = new ArrayList<>();
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            GuestRegistered guest = guest("Guest " + i, List.of("vegan"));
            guests.add(guest);
            aggregates.add(append(guest));
        }
        PersonalDataKeys fresh = new PersonalDataKeys(jdbc, Clock.systemUTC(),
                new PersonalDataProperties(100, Duration.ofMinutes(1)));
        JdbcEventStorageEngine reader = engine(new PersonalDataSerializer(plain, () -> fresh));

        assertThat(read(reader, aggregates.getFirst())).containsExactly(guests.getFirst());
        // the later persons' keys were read with the first one's: gone from the table now, they are still at hand
        jdbc.sql("delete from personal_data_key where subject in (:subjects)")
                .param("subjects", guests.subList(1, 20).stream().map(g -> g.guestId().toString()).toList())
                .update();
        for (int i = 1; i < 20; i++) {
            assertThat(read(reader, aggregates.get(i))).containsExactly(guests.get(i));
        }
    }

    @Test
    void an_erasure_in_the_transaction_that_read_a_key_ahead_reads_as_erased_in_it() {
        GuestRegistered first = guest("Katherine Johnson", List.of("halal"));
        GuestRegistered second = guest("Dorothy Vaughan", List.of("kosher"));
        append(first);
        append(second);
        PersonalDataKeys fresh = new PersonalDataKeys(jdbc, Clock.systemUTC(),
                new PersonalDataProperties(100, Duration.ofMinutes(1)));

        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            // the first person's key is read, and the second's with it; the erasure must win over that copy
            assertThat(fresh.keyForReading(first.guestId().toString())).isPresent();
            fresh.destroy(second.guestId().toString());
            assertThat(fresh.keyForReading(second.guestId().toString())).isEmpty();
        });
        assertThat(fresh.keyForReading(second.guestId().toString())).isEmpty();
    }

    private GuestRegistered guest(String name, List<String> dietary) {
        return new GuestRegistered(UUID.randomUUID(), UUID.randomUUID(), name, dietary, 1 + random.nextInt(4),
                "Harbour Dinner");
    }

    private String append(Object payload) {
        String aggregate = UUID.randomUUID().toString();
        store.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, 0, payload));
        return aggregate;
    }

    private List<Object> read(String aggregate) {
        return read(store, aggregate);
    }

    private static List<Object> read(JdbcEventStorageEngine engine, String aggregate) {
        return engine.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    private static String storedPayload(String aggregate) {
        return new String(jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?")
                .param(aggregate).query(byte[].class).single(), StandardCharsets.UTF_8);
    }
}
