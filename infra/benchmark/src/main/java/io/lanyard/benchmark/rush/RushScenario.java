package io.lanyard.benchmark.rush;

import java.time.Duration;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.BenchmarkOptions;
import io.lanyard.benchmark.Population;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.report.Report;

/** Scenario 3 against the in-process services: the registration rush, then the dinner rush. */
public final class RushScenario {

    public static final String NAME = "3. Ticket rush";
    private static final double SOLD_PER_SECOND = 1_000;
    private static final double P99_MS = 250;

    private RushScenario() {
    }

    public static void run(Bench bench) {
        judged(bench);
    }

    private static void judged(Bench bench) {
        BenchmarkOptions options = bench.options();
        Report report = bench.report();
        Lanyard api = bench.lanyard();
        String organizer = api.organizerToken("organizer-rush");

        TicketRush.Registrations rush = TicketRush.registrations(api, organizer, options.rushClients(),
                options.rushQuota(), options.rushInFlight());
        long confirmedInView = bench.registration().bean(JdbcClient.class)
                .sql("select count(*) from registration_view where ticket_type_id = ? and status = 'CONFIRMED'")
                .param(rush.ticketType()).query(Long.class).single();
        String tickets = String.format(Locale.ROOT, "tickets (%,d clients, %,d seats)", options.rushClients(),
                options.rushQuota());
        report.target(NAME, tickets + ": sold/s", rush.soldPerSecond(), "/s", Report.Goal.AT_LEAST,
                SOLD_PER_SECOND, "");
        report.info(NAME, tickets + ": p50, all answers", rush.run().all().p50(), "ms");
        report.target(NAME, tickets + ": p99, all answers", rush.run().all().p99(), "ms", Report.Goal.AT_MOST,
                P99_MS, "");
        report.info(NAME, tickets + ": p99 of the sales (201)", rush.run().latency(a -> a.status() == 201).p99(), "ms");
        TicketRush.reportOutcome(report, NAME, tickets, rush);
        report.info(NAME, tickets + ": " + TicketRush.SOLD_IN_VIEW, confirmedInView, "");
        report.note(NAME, String.format(Locale.ROOT, "Tickets: %d in flight; %,d sold (201), %,d refused sold-out, "
                        + "%,d other answers%s; the service reports %,d sold, its registration view holds %,d "
                        + "confirmed; the last sale came %.2f s after the start, all answers after %.2f s.",
                options.rushInFlight(), rush.sold(), rush.refused(), rush.failed(),
                rush.failed() == 0 ? ""
                        : " (e.g. " + rush.run().sample(a -> a.status() != 201 && a.status() != 409) + ")",
                rush.soldByService(), confirmedInView, rush.run().secondsUntilLast(a -> a.status() == 201),
                rush.run().seconds()));
        if (confirmedInView != rush.sold()) {
            report.note(NAME, "MISMATCH: sold answers and confirmed registrations differ.");
        }

        if (bench.dinners() == null) {
            report.notRun(NAME, "dinner rush", "the dinners service did not start");
            return;
        }
        // scenario 2's attendees when it ran (`--only=rush` skips it): enough of them, or diners registered here
        Population diners = bench.population();
        if (diners == null || diners.size() < options.dinnerClients()) {
            diners = TicketRush.populate(api, organizer, options.dinnerClients(), options.concurrency());
        }
        TicketRush.awaitKnownToDinners(api, diners, options.dinnerClients(), Duration.ofMinutes(3));
        TicketRush.DinnerSeats dinner = TicketRush.dinner(api, diners, options.dinnerSeats(),
                options.dinnerClients(), options.rushInFlight());
        String seats = String.format(Locale.ROOT, "dinner (%,d clients, %,d seats)", options.dinnerClients(),
                options.dinnerSeats());
        report.target(NAME, seats + ": held/s", dinner.heldPerSecond(), "/s", Report.Goal.AT_LEAST,
                SOLD_PER_SECOND, "");
        report.info(NAME, seats + ": p50, all answers", dinner.run().all().p50(), "ms");
        report.target(NAME, seats + ": p99, all answers", dinner.run().all().p99(), "ms", Report.Goal.AT_MOST,
                P99_MS, "");
        TicketRush.reportOutcome(report, NAME, seats, dinner);
        report.note(NAME, String.format(Locale.ROOT, "Dinner: %d in flight; %,d HELD, %,d WAITLISTED, %,d other "
                        + "answers%s; the service reports %,d held or sold; the last seat was held %.2f s after the "
                        + "start, all %,d answered after %.2f s (%.0f requests/s).",
                options.rushInFlight(), dinner.held(), dinner.waitlisted(), dinner.failed(),
                dinner.failed() == 0 ? "" : " (e.g. " + dinner.run().sample(a -> a.status() != 201) + ")",
                dinner.heldOrSoldByService(), dinner.run().secondsUntilLast(a -> a.body().contains("\"HELD\"")),
                options.dinnerClients(), dinner.run().seconds(), options.dinnerClients() / dinner.run().seconds()));
    }
}
