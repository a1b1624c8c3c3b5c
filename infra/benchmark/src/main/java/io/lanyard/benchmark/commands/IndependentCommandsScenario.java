package io.lanyard.benchmark.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.BenchmarkOptions;
import io.lanyard.benchmark.Population;
import io.lanyard.benchmark.load.Http;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.load.Load;
import io.lanyard.benchmark.load.Tokens;
import io.lanyard.benchmark.load.Run;
import io.lanyard.benchmark.report.Report;

/**
 * Registrations that do not compete: one conference, many ticket types with room to spare, each client a new
 * attendee buying a ticket of the next type. Every sale still goes through HTTP, the JWT check, the quota segment
 * aggregate, the registration aggregate, the read models in the same transaction and the durable commit. The
 * attendees registered here are the population of the later scenarios.
 */
public final class IndependentCommandsScenario {

    public static final String NAME = "2. Independent commands";

    private IndependentCommandsScenario() {
    }

    public static void run(Bench bench) {
        BenchmarkOptions options = bench.options();
        Report report = bench.report();
        Lanyard api = bench.lanyard();
        String organizer = api.organizerToken("organizer-main");
        UUID conference = api.conference(organizer, "PyCon Benchmark");
        List<UUID> types = new ArrayList<>();
        for (int i = 0; i < options.ticketTypes(); i++) {
            types.add(api.ticketType(organizer, conference, "Ticket type " + i, options.quotaPerType()));
        }
        Population population = new Population(conference, types, organizer);
        bench.population(population);
        // this scenario and the propagation runs register in this conference
        long needed = 2L * (options.warmup() + options.registrations())
                + 3L * options.propagationRate() * options.propagationDuration().toSeconds();
        if (needed > (long) options.ticketTypes() * options.quotaPerType()) {
            throw new IllegalArgumentException("ticket-types x quota-per-type must cover " + needed + " registrations");
        }

        register(api, population, "warm-up-", options.warmup(), options.concurrency());
        Run run = register(api, population, "attendee-", options.registrations(), options.concurrency());

        long ok = run.withStatus(201);
        double perSecond = ok / run.seconds();
        bench.registrationsPerSecond(perSecond);
        double baseline = bench.baselineAppendsPerSecond();
        report.target(NAME, "registrations/s, " + options.concurrency() + " clients", perSecond, "/s",
                Report.Goal.AT_LEAST, 0.5 * baseline, Double.isNaN(baseline) ? "baseline not run"
                        : String.format(Locale.ROOT, "0.5 x %,.0f JDBC appends/s", baseline));
        report.info(NAME, "registration latency p50", run.all().p50(), "ms");
        report.info(NAME, "registration latency p99", run.all().p99(), "ms");
        report.info(NAME, "registrations refused or failed", run.count(a -> a.status() != 201), "");
        long segments = bench.registration().bean(JdbcClient.class)
                .sql("select count(*) from quota_segment_view where ticket_type_id = ?")
                .param(types.getFirst()).query(Long.class).single();
        report.note(NAME, String.format(Locale.ROOT, "%,d registrations (after %,d warm-up) over %d ticket types of "
                        + "%,d seats (%d quota segments each), %d clients in flight, %.1f s; answers %s%s.",
                options.registrations(), options.warmup(), options.ticketTypes(), options.quotaPerType(), segments,
                options.concurrency(), run.seconds(), run.statuses(),
                ok == options.registrations() ? "" : "; e.g. " + run.sample(a -> a.status() != 201)));
    }

    /** Registers {@code count} new attendees, spread over the population's ticket types, and adds them to it. */
    public static Run register(Lanyard api, Population population, String prefix, int count, int inFlight) {
        String[] subjects = IntStream.range(0, count).mapToObj(i -> prefix + i).toArray(String[]::new);
        String[] tokens = Tokens.mint(api, subjects);
        return Load.closedLoop(count, inFlight, i -> {
            Http.Answer answer = api.register(population.conference(), population.ticketType(i), tokens[i],
                    "Attendee " + subjects[i]);
            if (answer.status() == 201) {
                population.add(new Population.Attendee(subjects[i], tokens[i], UUID.fromString(answer.text("id"))));
            }
            return answer;
        });
    }
}
