package io.lanyard.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How big each scenario is. {@code --full} is the sizes, {@code --smoke} a few seconds of everything; any
 * size can be overridden by its name ({@code --growth-large=2000000}), and {@code --only=} / {@code --skip=} pick
 * scenarios by name: baseline, commands, rush, propagation, webhooks, replay, growth, footprint. {@code --proposals=false}
 * skips the comparison runs of what was there before (the footprint with the JVM's default flags), and
 * {@code --footprint-aot=false} the footprint's run with an AOT cache.
 */
public record BenchmarkOptions(
        boolean smoke,
        Set<String> scenarios,
        Path output,
        boolean synchronousCommit,
        boolean profile,
        boolean proposals,
        int concurrency,
        Duration baselineDuration,
        int kafkaPings,
        int ticketTypes,
        int quotaPerType,
        int warmup,
        int registrations,
        int rushClients,
        int rushQuota,
        int rushInFlight,
        int dinnerClients,
        int dinnerSeats,
        int propagationRate,
        Duration propagationDuration,
        int itineraryRate,
        Duration itineraryDuration,
        int itineraryDinners,
        int webhookConferences,
        int webhookRate,
        Duration webhookDuration,
        int webhookRushReceivers,
        int webhookRushClients,
        int webhookRushQuota,
        Duration webhookDrain,
        int replayEvents,
        int replayBatch,
        int growthSmall,
        int growthLarge,
        Duration growthLoadBudget,
        int growthCommands,
        int growthRounds,
        int growthConcurrency,
        Duration idleSettle,
        boolean footprintDevstack,
        boolean footprintAot,
        String serviceJvmOptions) {

    public static final List<String> ALL = List.of(
            "baseline", "commands", "rush", "propagation", "webhooks", "replay", "growth", "footprint");

    public boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    public static BenchmarkOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            int eq = arg.indexOf('=');
            given.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        boolean smoke = given.containsKey("smoke");
        Sizes s = new Sizes(given, smoke);
        Set<String> scenarios = new LinkedHashSet<>(ALL);
        if (given.containsKey("only")) {
            scenarios.retainAll(Arrays.asList(given.remove("only").split(",")));
        }
        if (given.containsKey("skip")) {
            Arrays.asList(given.remove("skip").split(",")).forEach(scenarios::remove);
        }
        BenchmarkOptions options = new BenchmarkOptions(
                smoke,
                scenarios,
                Path.of(s.text("output", "target/benchmark")),
                s.flag("sync-commit", true),
                s.flag("profile", !smoke),
                s.flag("proposals", !smoke),
                s.number("concurrency", 32, 8),
                s.duration("baseline-seconds", 10, 1),
                s.number("kafka-pings", 2_000, 20),
                s.number("ticket-types", 64, 4),
                s.number("quota-per-type", 2_000, 200),
                s.number("warmup", 1_000, 20),
                s.number("registrations", 20_000, 200),
                s.number("rush-clients", 10_000, 300),
                s.number("rush-quota", 3_300, 100),
                s.number("rush-in-flight", 100, 16),
                s.number("dinner-clients", 5_000, 100),
                s.number("dinner-seats", 200, 20),
                s.number("propagation-rate", 500, 50),
                s.duration("propagation-seconds", 20, 1),
                s.number("itinerary-rate", 500, 50),
                s.duration("itinerary-seconds", 10, 1),
                s.number("itinerary-dinners", 20, 2),
                s.number("webhook-conferences", 10, 2),
                s.number("webhook-rate", 5, 1),
                s.duration("webhook-seconds", 60, 2),
                s.number("webhook-rush-receivers", 10, 10),
                // a smoke run's rush with webhooks only has to show deliveries arriving: scenario 3 rushes already
                s.number("webhook-rush-clients", 10_000, 30),
                s.number("webhook-rush-quota", 3_300, 10),
                s.duration("webhook-drain-seconds", 30, 2),
                s.number("replay-events", 1_000_000, 5_000),
                s.number("replay-batch", 1_000, 1_000),
                s.number("growth-small", 10_000, 1_000),
                s.number("growth-large", 10_000_000, 5_000),
                s.duration("growth-load-budget-seconds", 1_800, 60),
                s.number("growth-commands", 1_000, 50),
                s.number("growth-rounds", 6, 1),
                s.number("growth-concurrency", 4, 2),
                s.duration("idle-settle-seconds", 20, 1),
                s.flag("footprint-devstack", !smoke),
                // a training run takes minutes; a smoke run has seconds
                s.flag("footprint-aot", !smoke),
                // a smoke run's service JVM only has to start: C1 alone starts it in half the CPU time
                s.text("service-jvm-options", smoke ? "-XX:TieredStopAtLevel=1" : ""));
        given.remove("smoke");
        given.remove("full");
        s.used().forEach(given::remove);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        return options;
    }

    private record Sizes(Map<String, String> given, boolean smoke, Set<String> used) {

        Sizes(Map<String, String> given, boolean smoke) {
            this(given, smoke, new LinkedHashSet<>());
        }

        int number(String name, int full, int smokeSize) {
            used.add(name);
            if (given.containsKey(name)) {
                return Integer.parseInt(given.get(name).replace("_", ""));
            }
            return smoke ? smokeSize : full;
        }

        Duration duration(String name, int fullSeconds, int smokeSeconds) {
            return Duration.ofSeconds(number(name, fullSeconds, smokeSeconds));
        }

        boolean flag(String name, boolean fallback) {
            used.add(name);
            return given.containsKey(name) ? !"false".equals(given.get(name)) && !"off".equals(given.get(name))
                    : fallback;
        }

        /** A list of values separated by semicolons (they may contain spaces and commas); empty when given empty. */
        List<String> list(String name, List<String> fallback) {
            used.add(name);
            String value = given.get(name);
            return value == null ? fallback
                    : Arrays.stream(value.split(";")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        }

        String text(String name, String fallback) {
            used.add(name);
            return given.getOrDefault(name, fallback);
        }
    }
}
