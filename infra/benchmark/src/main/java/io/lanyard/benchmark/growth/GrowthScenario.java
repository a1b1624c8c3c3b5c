package io.lanyard.benchmark.growth;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.BenchmarkOptions;
import io.lanyard.benchmark.Population;
import io.lanyard.benchmark.commands.IndependentCommandsScenario;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.load.Latency;
import io.lanyard.benchmark.load.Run;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.stack.Infrastructure;
import io.lanyard.benchmark.stack.PublishFromTheHead;
import io.lanyard.benchmark.stack.ServiceInstance;
import io.lanyard.benchmark.store.EventStoreLoader;
import io.lanyard.benchmark.store.StoredFormat;
import io.lanyard.registration.RegistrationApplication;

/**
 * Does a command get slower as the store grows? Two registration services, one on a store of ten thousand
 * bulk-loaded events and one on ten million (with the read models that history implies), take the same
 * registrations in alternating rounds, so machine noise falls on both alike.
 */
public final class GrowthScenario {

    public static final String NAME = "6. Growth";
    private static final double RATIO = 1.2;

    private GrowthScenario() {
    }

    record Store(String label, String database, EventStoreLoader.Loaded loaded, ServiceInstance service,
                 Lanyard api, Population population, Latency latency, List<Double> roundMedians) {
    }

    /** Block reads of the store's tables and indexes: from PostgreSQL's buffers (hit) or from outside them. */
    record Blocks(long read, long hit) {

        Blocks minus(Blocks before) {
            return new Blocks(read - before.read, hit - before.hit);
        }
    }

    public static void run(Bench bench, StoredFormat format) throws Exception {
        BenchmarkOptions options = bench.options();
        Report report = bench.report();
        Infrastructure infrastructure = bench.infrastructure();
        Store small = null;
        Store large = null;
        try {
            small = store(bench, format, "small", options.growthSmall());
            large = store(bench, format, "large", options.growthLarge());
            for (Store store : List.of(small, large)) {
                report.note(NAME, "Store " + store.label() + ": " + store.loaded().describe() + ".");
                registerRound(store, Math.min(options.warmup(), 500), options.growthConcurrency(), "warm-up-");
            }
            Map<String, Blocks> before = new LinkedHashMap<>();
            for (Store store : List.of(small, large)) {
                before.put(store.label(), blocks(infrastructure, store.database()));
            }
            for (int round = 0; round < options.growthRounds(); round++) {
                List<Store> order = round % 2 == 0 ? List.of(small, large) : List.of(large, small);
                for (Store store : order) {
                    Run run = registerRound(store, options.growthCommands(), options.growthConcurrency(),
                            "round-" + round + "-");
                    store.latency().add(run.all());
                    store.roundMedians().add(run.all().p50());
                }
            }
            for (Store store : List.of(small, large)) {
                Blocks used = blocks(infrastructure, store.database()).minus(before.get(store.label()));
                long commands = (long) options.growthRounds() * options.growthCommands();
                report.note(NAME, String.format(Locale.ROOT, "Store %s during the rounds: %.1f blocks read from "
                                + "outside shared_buffers and %.1f found in them per registration (hit ratio %.2f%%); "
                                + "p50 per round %s ms.", store.label(), (double) used.read() / commands,
                        (double) used.hit() / commands, 100.0 * used.hit() / Math.max(1, used.hit() + used.read()),
                        store.roundMedians().stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).toList()));
            }
            String smallSize = String.format(Locale.ROOT, "%,d", small.loaded().events());
            String largeSize = String.format(Locale.ROOT, "%,d", large.loaded().events());
            report.info(NAME, "registration p50, " + smallSize + " events", small.latency().p50(), "ms");
            report.info(NAME, "registration p50, " + largeSize + " events", large.latency().p50(), "ms");
            report.info(NAME, "registration p99, " + smallSize + " events", small.latency().p99(), "ms");
            report.info(NAME, "registration p99, " + largeSize + " events", large.latency().p99(), "ms");
            report.target(NAME, "p50 ratio, " + largeSize + " / " + smallSize,
                    large.latency().p50() / small.latency().p50(), "", Report.Goal.AT_MOST, RATIO, "");
            report.target(NAME, "p99 ratio, " + largeSize + " / " + smallSize,
                    large.latency().p99() / small.latency().p99(), "", Report.Goal.AT_MOST, RATIO, "");
            report.note(NAME, String.format(Locale.ROOT, "%d alternating rounds of %,d registrations per store, %d "
                            + "clients in flight, after a warm-up; each store's registration service publishes from "
                            + "the head of its store (the bulk-loaded events are not sent to Kafka) and consumes "
                            + "nothing.", options.growthRounds(), options.growthCommands(),
                    options.growthConcurrency()));
            if (large.loaded().events() < options.growthLarge()) {
                report.note(NAME, String.format(Locale.ROOT, "The large store holds %,d of the %,d events asked for: "
                        + "loading stopped at the time budget.", large.loaded().events(), options.growthLarge()));
            }
        } finally {
            for (Store store : new Store[] {small, large}) {
                if (store != null) {
                    store.service().close();
                    infrastructure.dropDatabase(store.database());
                }
            }
        }
    }

    private static Store store(Bench bench, StoredFormat format, String label, int events) throws Exception {
        Infrastructure infrastructure = bench.infrastructure();
        String database = "bench_growth_" + label;
        infrastructure.dropDatabase(database);
        System.out.printf(Locale.ROOT, "  loading %,d events into %s%n", events, database);
        EventStoreLoader.Loaded loaded = EventStoreLoader.load(infrastructure, database, format, events, true,
                bench.options().growthLoadBudget());
        ServiceInstance service = ServiceInstance.start("registration-" + label, RegistrationApplication::application,
                infrastructure, database, List.of("--lanyard.kafka.group-id=benchmark-growth-" + label,
                        "--lanyard.kafka.subscriptions="), PublishFromTheHead.class);
        Lanyard api = new Lanyard(bench.http(), service.url(), null,
                (subject, roles) -> service.token(subject, roles.toArray(String[]::new)));
        String organizer = api.organizerToken("organizer-growth");
        UUID conference = api.conference(organizer, "Growth " + label);
        UUID ticketType = api.ticketType(organizer, conference, "Growth tickets", 1_000_000);
        return new Store(label, database, loaded, service, api,
                new Population(conference, List.of(ticketType), organizer), new Latency(), new ArrayList<>());
    }

    private static Blocks blocks(Infrastructure infrastructure, String database) throws SQLException {
        try (Connection connection = infrastructure.connect(database);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select coalesce(sum(heap_blks_read + coalesce(idx_blks_read, 0)), 0),
                            coalesce(sum(heap_blks_hit + coalesce(idx_blks_hit, 0)), 0)
                     from pg_statio_user_tables""")) {
            rs.next();
            return new Blocks(rs.getLong(1), rs.getLong(2));
        }
    }

    private static Run registerRound(Store store, int count, int inFlight, String prefix) {
        return IndependentCommandsScenario.register(store.api(), store.population(), prefix + store.label() + "-",
                count, inFlight);
    }
}
