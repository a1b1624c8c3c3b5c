package io.lanyard.benchmark.rush;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import io.lanyard.benchmark.Population;
import io.lanyard.benchmark.commands.IndependentCommandsScenario;
import io.lanyard.benchmark.load.Http;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.load.Load;
import io.lanyard.benchmark.load.Run;
import io.lanyard.benchmark.load.Tokens;
import io.lanyard.benchmark.report.Report;

/**
 * The two rushes of a conference, against any running Lanyard: far more buyers than seats, each a different
 * person, all at once (as many in flight as the run allows). Used in-process by the rush scenario and against
 * separate JVMs and the devstack by the footprint scenario.
 */
public final class TicketRush {

    private TicketRush() {
    }

    /** {@code sold} counts 201s; {@code soldByService} is what the service itself reports afterwards. */
    public record Registrations(UUID conference, UUID ticketType, Run run, long sold, long refused, long failed,
                                double soldPerSecond, long soldByService, long oversold) {
    }

    public record DinnerSeats(UUID dinner, Run run, long held, long waitlisted, long failed, double heldPerSecond,
                              long heldOrSoldByService, long oversold) {
    }

    public static Registrations registrations(Lanyard api, String organizerToken, int clients, int quota,
                                              int inFlight) {
        return registrations(api, organizerToken, api.conference(organizerToken, "Rush conference"), clients, quota,
                inFlight);
    }

    /** The rush on a conference prepared beforehand (one whose webhooks are registered, say). */
    public static Registrations registrations(Lanyard api, String organizerToken, UUID conference, int clients,
                                              int quota, int inFlight) {
        UUID ticketType = api.ticketType(organizerToken, conference, "Rush tickets", quota);
        String[] tokens = Tokens.mint(api, IntStream.range(0, clients)
                .mapToObj(i -> "rush-" + conference.toString().substring(0, 8) + "-" + i).toArray(String[]::new));
        Run run = Load.closedLoop(clients, inFlight,
                i -> api.register(conference, ticketType, tokens[i], "Rush buyer " + i));
        long sold = run.withStatus(201);
        long refused = run.count(a -> a.status() == 409 && a.body().contains("sold-out"));
        long soldByService = api.ticketTypeSummary(organizerToken, conference, ticketType).path("sold").asLong();
        return new Registrations(conference, ticketType, run, sold, refused, clients - sold - refused,
                sold / run.secondsUntilLast(a -> a.status() == 201), soldByService,
                Math.max(0, Math.max(sold, soldByService) - quota));
    }

    public static DinnerSeats dinner(Lanyard api, Population population, int seats, int clients, int inFlight) {
        if (population.size() < clients) {
            throw new IllegalStateException("the dinner rush needs " + clients + " registered attendees, there are "
                    + population.size());
        }
        UUID dinner = api.dinner(population.organizerToken(), population.conference(), "Rush dinner", seats);
        Run run = Load.closedLoop(clients, inFlight, i -> {
            Population.Attendee attendee = population.attendee(i);
            return api.requestDinnerTicket(population.conference(), dinner, attendee.token(), attendee.attendeeId());
        });
        long held = run.count(TicketRush::held);
        long waitlisted = run.count(a -> a.status() == 201 && a.body().contains("\"WAITLISTED\""));
        var summary = api.dinnerSummary(population.organizerToken(), population.conference(), dinner);
        long byService = summary.path("held").asLong() + summary.path("sold").asLong();
        return new DinnerSeats(dinner, run, held, waitlisted, clients - held - waitlisted,
                held / run.secondsUntilLast(TicketRush::held), byService,
                Math.max(0, Math.max(held, byService) - seats));
    }

    /** Registers attendees for a dinner rush on a Lanyard that has none yet, and waits until dinners knows them. */
    public static Population populate(Lanyard api, String organizerToken, int attendees, int inFlight) {
        UUID conference = api.conference(organizerToken, "Dinner rush conference");
        UUID ticketType = api.ticketType(organizerToken, conference, "Dinner rush tickets", attendees);
        Population population = new Population(conference, List.of(ticketType), organizerToken);
        Run run = IndependentCommandsScenario.register(api, population,
                "diner-" + conference.toString().substring(0, 8) + "-", attendees, inFlight);
        if (run.withStatus(201) != attendees) {
            throw new IllegalStateException("registering the dinner rush's attendees failed: "
                    + run.sample(a -> a.status() != 201));
        }
        awaitKnownToDinners(api, population, attendees, Duration.ofMinutes(3));
        return population;
    }

    /**
     * Asks dinners about every attendee in turn. The publisher's segments send different attendees' events in
     * parallel, so the last one registered being known says nothing about the others.
     */
    public static void awaitKnownToDinners(Lanyard api, Population population, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < count; i++) {
            Population.Attendee attendee = population.attendee(i);
            while (!api.dinnersKnows(population.organizerToken(), population.conference(), attendee.attendeeId())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("dinners did not learn of the attendees within " + timeout);
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    /**
     * What a registration rush must show whatever its speed, as rows the smoke test checks: how many 201s, what
     * the service says it sold, and how many answers were neither a sale nor {@code sold-out} (a rush whose every
     * request failed oversells nothing, so {@code oversold} alone proves little).
     */
    public static void reportOutcome(Report report, String scenario, String label, Registrations rush) {
        report.info(scenario, label + ": " + SOLD, rush.sold(), "");
        report.info(scenario, label + ": " + SOLD_BY_SERVICE, rush.soldByService(), "");
        report.target(scenario, label + ": " + NEITHER_SOLD_NOR_SOLD_OUT, rush.failed(), "", Report.Goal.AT_MOST, 0,
                "");
        report.target(scenario, label + ": oversold", rush.oversold(), "", Report.Goal.AT_MOST, 0, "");
    }

    /** The dinner rush's counterpart of {@link #reportOutcome(Report, String, String, Registrations)}. */
    public static void reportOutcome(Report report, String scenario, String label, DinnerSeats dinner) {
        report.info(scenario, label + ": " + HELD, dinner.held(), "");
        report.info(scenario, label + ": " + WAITLISTED, dinner.waitlisted(), "");
        report.info(scenario, label + ": " + HELD_BY_SERVICE, dinner.heldOrSoldByService(), "");
        report.target(scenario, label + ": " + NOT_201, dinner.failed(), "", Report.Goal.AT_MOST, 0, "");
        report.target(scenario, label + ": oversold", dinner.oversold(), "", Report.Goal.AT_MOST, 0, "");
    }

    public static final String SOLD = "sold (201)";
    public static final String SOLD_BY_SERVICE = "sold as the service reports";
    public static final String SOLD_IN_VIEW = "confirmed in the registration view";
    public static final String NEITHER_SOLD_NOR_SOLD_OUT = "answers other than 201 or sold-out";
    public static final String HELD = "held (201 HELD)";
    public static final String WAITLISTED = "waitlisted (201 WAITLISTED)";
    public static final String HELD_BY_SERVICE = "held or sold as the service reports";
    public static final String NOT_201 = "answers other than 201";

    private static boolean held(Http.Answer answer) {
        return answer.status() == 201 && answer.body().contains("\"HELD\"");
    }
}
