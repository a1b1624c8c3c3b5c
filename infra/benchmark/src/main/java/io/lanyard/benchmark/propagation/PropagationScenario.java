package io.lanyard.benchmark.propagation;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.BenchmarkOptions;
import io.lanyard.benchmark.Population;
import io.lanyard.benchmark.load.Http;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.load.Load;
import io.lanyard.benchmark.load.Run;
import io.lanyard.benchmark.load.Tokens;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.stack.ConsumersCaughtUp;

/**
 * How long a fact takes to cross from one service to another at a steady rate: registration's 201 until dinners
 * knows the attendee (event store, publishing processor, Kafka, dinners' consumer and its transaction), and a
 * dinner ticket's 201 until it is in the attendee's itinerary in registration (the way back).
 */
public final class PropagationScenario {

    public static final String NAME = "4. Propagation";
    public static final String REQUESTS = "requests";
    public static final String NOT_201 = "answers other than 201";
    public static final String NEVER_ARRIVED = "never arrived (60 s)";
    private static final double P99_MS = 50;
    private static final int MAX_IN_FLIGHT = 2_000;

    private PropagationScenario() {
    }

    /** One direction: who is called, what is watched for where, and which ids the answers and events carry. */
    private record Leg(String name, String what, int rate, Duration duration, String sourceDatabase,
                       String targetDatabase, String arrivalSql, String topic, String idField, boolean judged) {
    }

    public static void run(Bench bench) throws Exception {
        if (bench.dinners() == null) {
            bench.report().notRun(NAME, "registration → dinners", "the dinners service did not start");
            return;
        }
        BenchmarkOptions options = bench.options();
        legs(bench, "", true, options.propagationRate(), options.itineraryRate(), "propagation-");
        // below capacity the latency is the pipeline's own, not a queue's
        int sustainable = sustainableRate(bench);
        if (!options.smoke() && sustainable < options.propagationRate()) {
            String label = "[at " + sustainable + "/s] ";
            legs(bench, label, false, sustainable, sustainable, "propagation-sustainable-");
            bench.report().note(NAME, "Rows marked " + label + "ran at half the registration rate the "
                    + "independent-commands scenario measured, so that no queue builds up; they are not judged.");
        }
    }

    private static int sustainableRate(Bench bench) {
        double measured = bench.registrationsPerSecond();
        int asked = bench.options().propagationRate();
        return Double.isNaN(measured) ? asked
                : (int) Math.clamp(Math.round(measured / 2 / 10) * 10, 10, asked);
    }

    private static void legs(Bench bench, String label, boolean judged, int registrationRate, int ticketRate,
                             String prefix) throws Exception {
        BenchmarkOptions options = bench.options();
        Lanyard api = bench.lanyard();
        Population population = bench.population();

        int registrations = (int) (registrationRate * options.propagationDuration().toSeconds());
        String[] subjects = IntStream.range(0, registrations).mapToObj(i -> prefix + i).toArray(String[]::new);
        String[] tokens = Tokens.mint(api, subjects);
        leg(bench, new Leg(label + "registration → dinners", "registrations", registrationRate,
                        options.propagationDuration(), "registration", "dinners",
                        "select attendee_id from known_attendee where attendee_id = any(?)", "lanyard.registration.v1",
                        "attendeeId", judged),
                i -> api.register(population.conference(), population.ticketType(i), tokens[i],
                        "Attendee " + subjects[i]));

        int tickets = (int) (ticketRate * options.itineraryDuration().toSeconds());
        int dinnerCount = options.itineraryDinners();
        List<UUID> dinners = new ArrayList<>();
        for (int d = 0; d < dinnerCount; d++) {
            dinners.add(api.dinner(population.organizerToken(), population.conference(), "Evening " + d,
                    tickets / dinnerCount + 1));
        }
        int people = population.size();
        leg(bench, new Leg(label + "dinner ticket → itinerary", "dinner tickets", ticketRate,
                        options.itineraryDuration(), "dinners", "registration",
                        "select ticket_id from itinerary_dinner_ticket where ticket_id = any(?)", "lanyard.dinners.v1",
                        "ticketId", judged),
                i -> {
                    // attendee i asks for dinner i mod n: no one asks twice for the same dinner
                    Population.Attendee attendee = population.attendee(i % people);
                    return api.requestDinnerTicket(population.conference(), dinners.get((i + i / people) % dinnerCount),
                            attendee.token(), attendee.attendeeId());
                });
        if (judged) {
            bench.report().note(NAME, String.format(Locale.ROOT, "Dinner tickets were spread over %d dinners of %,d "
                    + "seats, so every request is a HELD ticket on a lightly contended aggregate.", dinnerCount,
                    tickets / dinnerCount + 1));
        }
    }

    private static void leg(Bench bench, Leg leg, IntFunction<Http.Answer> call) throws Exception {
        double waited = ConsumersCaughtUp.await(bench.infrastructure().kafkaBootstrap(), Map.of(
                "dinners", List.of("lanyard.registration.v1"), "registration", List.of("lanyard.dinners.v1")),
                Duration.ofMillis(bench.options().smoke() ? 600 : 1_500), Duration.ofMinutes(10));
        bench.report().note(NAME, String.format(Locale.ROOT, "%s: before it started, waited %.1f s until both "
                + "services had published everything and consumed each other's topics to the end.", leg.name(),
                waited));
        Stages stages = new Stages();
        try (TopicTap tap = new TopicTap(bench.infrastructure().kafkaBootstrap(), leg.topic(), leg.idField());
             ArrivalWatcher watcher = new ArrivalWatcher(bench.infrastructure().connect(leg.targetDatabase()),
                     leg.arrivalSql())) {
            Run run = Load.atRate(leg.rate(), leg.duration(), MAX_IN_FLIGHT, i -> {
                Http.Answer answer = call.apply(i);
                if (answer.status() == 201) {
                    watcher.expect(UUID.fromString(answer.text("id")), answer.endedAt());
                }
                return answer;
            });
            int missing = watcher.awaitAll(Duration.ofSeconds(60));
            report(bench, leg, run, watcher, missing);
            try (Connection source = bench.infrastructure().connect(leg.sourceDatabase());
                 Connection target = bench.infrastructure().connect(leg.targetDatabase())) {
                bench.report().evidence(NAME, leg.name() + ": " + stages.describe(watcher.arrivals(), tap, source,
                        target));
            }
        }
    }

    private static void report(Bench bench, Leg leg, Run run, ArrivalWatcher watcher, int missing) {
        Report report = bench.report();
        double kafka = bench.kafkaRoundTripP99AtRate();
        long ok = run.withStatus(201);
        String name = leg.name();
        report.info(NAME, name + ": " + leg.what() + "/s achieved (asked " + leg.rate() + "/s)", ok / run.seconds(),
                "/s");
        report.info(NAME, name + ": command p99, from when it was due", run.fromIntent().p99(), "ms");
        report.info(NAME, name + ": p50", watcher.latency().p50(), "ms");
        if (leg.judged()) {
            report.target(NAME, name + ": p99", watcher.latency().p99(), "ms", Report.Goal.AT_MOST, P99_MS, "");
            report.target(NAME, name + ": p99 vs raw Kafka round trip", watcher.latency().p99(), "ms",
                    Report.Goal.AT_MOST, 10 * kafka, Double.isNaN(kafka) ? "Kafka baseline not run"
                            : String.format(Locale.ROOT, "10 x %.2f ms Kafka p99 at the same rate", kafka));
        } else {
            report.info(NAME, name + ": p99", watcher.latency().p99(), "ms");
        }
        report.info(NAME, name + ": max", watcher.latency().maxMs(), "ms");
        // only a 201 is watched for, so a leg whose requests failed would arrive in full: count those too
        report.info(NAME, name + ": " + REQUESTS, run.answers().length, "");
        report.target(NAME, name + ": " + NOT_201, run.answers().length - ok, "", Report.Goal.AT_MOST, 0, "");
        report.target(NAME, name + ": " + NEVER_ARRIVED, missing, "", Report.Goal.AT_MOST, 0, "");
        report.note(NAME, String.format(Locale.ROOT, "%s: %,d %s asked at %d/s for %.0f s, answers %s%s; arrivals "
                        + "polled every 1 ms, one poll took p50 %.2f ms / p99 %.2f ms.", name, run.answers().length,
                leg.what(), leg.rate(), run.seconds(), run.statuses(),
                ok == run.answers().length ? "" : " (e.g. " + run.sample(a -> a.status() != 201) + ")",
                watcher.pollTime().p50(), watcher.pollTime().p99()));
    }
}
