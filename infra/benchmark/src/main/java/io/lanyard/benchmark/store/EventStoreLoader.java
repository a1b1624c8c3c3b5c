package io.lanyard.benchmark.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import io.lanyard.benchmark.stack.Infrastructure;
import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.TicketTypeCreated;

/**
 * Fills a registration database with a generated history: the schema from the service's own migrations, events
 * with binary COPY in chunks of a million, and optionally the read models that history would have produced.
 * Indexes are dropped for the load and rebuilt after it (as a restore would), then the tables are vacuumed and
 * analysed so no autovacuum runs during the measurement that follows.
 */
public final class EventStoreLoader {

    private static final long CHUNK = 1_000_000;
    private static final String[] EVENT_COLUMNS = {"global_index", "aggregate_identifier", "sequence_number", "type",
            "event_identifier", "meta_data", "payload", "payload_revision", "payload_type", "time_stamp"};
    private static final List<String> VIEW_TABLES = List.of("registration_view", "known_attendee",
            "quota_segment_view", "ticket_type_view", "known_conference", "conference_organizer");

    /**
     * @param events   how many events were loaded (fewer than asked if the time budget ran out)
     * @param seconds  time spent streaming rows in
     * @param rebuild  time spent rebuilding indexes, vacuuming and analysing
     */
    public record Loaded(long events, long registrations, double seconds, double rebuild, long bytes) {

        public String describe() {
            return String.format(Locale.ROOT, "%,d events (%,d registrations) loaded in %.0f s (%,.0f events/s), "
                    + "indexes rebuilt and tables vacuumed in %.0f s; domain_event_entry is %,d MB", events,
                    registrations, seconds, events / Math.max(seconds, 1e-9), rebuild, bytes >> 20);
        }
    }

    private EventStoreLoader() {
    }

    public static void migrate(Infrastructure infrastructure, String database) {
        Flyway.configure()
                .dataSource(infrastructure.database(database), "postgres", "")
                .locations("classpath:db/platform", "classpath:db/registration")
                .load()
                .migrate();
    }

    /** Loads up to {@code events} events into a freshly migrated, empty database, within the time budget. */
    public static Loaded load(Infrastructure infrastructure, String database, StoredFormat format, long events,
                              boolean readModels, Duration budget) throws Exception {
        migrate(infrastructure, database);
        long deadline = System.nanoTime() + budget.toNanos();
        List<String> tables = new ArrayList<>(List.of("domain_event_entry"));
        if (readModels) {
            tables.addAll(VIEW_TABLES);
        }
        try (Connection events1 = infrastructure.connect(database);
             Connection views = infrastructure.connect(database);
             Connection directory = infrastructure.connect(database)) {
            List<String> rebuild = dropIndexes(events1, tables);
            LoadedKeys keys = new LoadedKeys(infrastructure.database(database));
            RegistrationHistory history = new RegistrationHistory(format, format.sealingWith(keys), 1);
            long loaded = 0;
            long registrations = 0;
            long start = System.nanoTime();
            while (loaded < events && System.nanoTime() < deadline) {
                long chunk = Math.min(CHUNK, events - loaded);
                registrations += chunk(history, events1, views, directory, readModels, chunk, loaded + chunk >= events);
                keys.write(directory);
                loaded += chunk;
                System.out.printf(Locale.ROOT, "    loaded %,d of %,d events (%.0f s)%n", loaded, events,
                        (System.nanoTime() - start) / 1e9);
            }
            if (loaded < events) {
                registrations += chunk(history, events1, views, directory, readModels, 0, true);
                keys.write(directory);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rebuildStart = System.nanoTime();
            try (Statement statement = events1.createStatement()) {
                statement.execute("set maintenance_work_mem = '1GB'");
                for (String ddl : rebuild) {
                    statement.execute(ddl);
                }
                statement.execute("select setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                        + "(select coalesce(max(global_index), 1) from domain_event_entry))");
                for (String table : tables) {
                    statement.execute("vacuum (analyze) " + table);
                }
            }
            return new Loaded(loaded, registrations, seconds, (System.nanoTime() - rebuildStart) / 1e9,
                    size(events1, "domain_event_entry"));
        }
    }

    private record SoldTicketType(TicketTypeCreated ticketType, List<UUID> segments, int[] allotments, int[] sold) {
    }

    private static long chunk(RegistrationHistory history, Connection events, Connection views,
                              Connection directory, boolean readModels, long count, boolean last) throws Exception {
        long[] registrations = {0};
        List<SoldTicketType> ticketTypes = new ArrayList<>();
        List<ConferenceCreated> conferences = new ArrayList<>();
        try (BinaryCopy eventRows = new BinaryCopy(events, "domain_event_entry", EVENT_COLUMNS);
             BinaryCopy registrationRows = readModels ? new BinaryCopy(views, "registration_view", "attendee_id",
                     "conference_id", "ticket_type_id", "subject", "name", "email", "status", "checked_in",
                     "registered_at") : null;
             BinaryCopy attendeeRows = readModels ? new BinaryCopy(directory, "known_attendee", "attendee_id",
                     "conference_id", "subject", "name", "status") : null) {
            RegistrationHistory.Sink sink = new RegistrationHistory.Sink() {
                @Override
                public void event(StoredEvent e) throws SQLException {
                    eventRows.row(e.globalIndex(), e.aggregateIdentifier(), e.sequenceNumber(), e.type(),
                            e.eventIdentifier(), e.metaData(), e.payload(), e.payloadRevision(), e.payloadType(),
                            e.timeStamp());
                }

                @Override
                public void registered(AttendeeRegistered r) throws SQLException {
                    registrations[0]++;
                    if (registrationRows != null) {
                        registrationRows.row(r.attendeeId(), r.conferenceId(), r.ticketTypeId(), r.subject(), r.name(),
                                r.email(), "CONFIRMED", false, r.registeredAt());
                        attendeeRows.row(r.attendeeId(), r.conferenceId(), r.subject(), r.name(), "REGISTERED");
                    }
                }

                @Override
                public void conference(ConferenceCreated created) {
                    conferences.add(created);
                }

                @Override
                public void ticketTypeSold(TicketTypeCreated t, List<UUID> segments, int[] allotments, int[] sold) {
                    ticketTypes.add(new SoldTicketType(t, segments, allotments.clone(), sold.clone()));
                }
            };
            history.emit(count, sink);
            if (last) {
                history.finish(sink);
            }
        }
        if (readModels) {
            writeConferences(views, conferences);
            writeTicketTypes(views, ticketTypes);
        }
        return registrations[0];
    }

    private static void writeConferences(Connection connection, List<ConferenceCreated> conferences)
            throws SQLException {
        try (BinaryCopy known = new BinaryCopy(connection, "known_conference", "conference_id", "name", "time_zone")) {
            for (ConferenceCreated c : conferences) {
                known.row(c.conferenceId(), c.name(), c.timeZone());
            }
        }
        try (BinaryCopy organizers = new BinaryCopy(connection, "conference_organizer", "conference_id", "subject")) {
            for (ConferenceCreated c : conferences) {
                organizers.row(c.conferenceId(), c.organizer());
            }
        }
    }

    private static void writeTicketTypes(Connection connection, List<SoldTicketType> ticketTypes) throws SQLException {
        try (BinaryCopy types = new BinaryCopy(connection, "ticket_type_view", "ticket_type_id", "conference_id",
                "name", "price_cents", "currency", "quota")) {
            for (SoldTicketType t : ticketTypes) {
                types.row(t.ticketType().ticketTypeId(), t.ticketType().conferenceId(), t.ticketType().name(),
                        t.ticketType().priceCents(), t.ticketType().currency(), t.ticketType().quota());
            }
        }
        try (BinaryCopy segments = new BinaryCopy(connection, "quota_segment_view", "segment_id", "ticket_type_id",
                "allotment", "sold")) {
            for (SoldTicketType t : ticketTypes) {
                for (int s = 0; s < t.segments().size(); s++) {
                    segments.row(t.segments().get(s), t.ticketType().ticketTypeId(), t.allotments()[s], t.sold()[s]);
                }
            }
        }
    }

    /** Drops every index and unique/primary constraint of the tables; returns the DDL that recreates them. */
    private static List<String> dropIndexes(Connection connection, List<String> tables) throws SQLException {
        List<String> recreate = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                List<String> constraints = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select conname, pg_get_constraintdef(oid) "
                        + "from pg_constraint where conrelid = '" + table + "'::regclass and contype in ('p', 'u')")) {
                    while (rs.next()) {
                        constraints.add(rs.getString(1));
                        drop.add("alter table " + table + " drop constraint " + rs.getString(1));
                        recreate.add("alter table " + table + " add constraint " + rs.getString(1) + " "
                                + rs.getString(2));
                    }
                }
                try (ResultSet rs = statement.executeQuery(
                        "select indexname, indexdef from pg_indexes where tablename = '" + table + "'")) {
                    while (rs.next()) {
                        if (!constraints.contains(rs.getString(1))) {
                            drop.add("drop index " + rs.getString(1));
                            recreate.add(rs.getString(2));
                        }
                    }
                }
            }
            for (String ddl : drop) {
                statement.execute(ddl);
            }
        }
        return recreate;
    }

    private static long size(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_total_relation_size('" + table + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
