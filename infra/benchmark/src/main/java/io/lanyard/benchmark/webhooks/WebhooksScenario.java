package io.lanyard.benchmark.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.BenchmarkOptions;
import io.lanyard.benchmark.load.Http;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.load.Latency;
import io.lanyard.benchmark.load.Load;
import io.lanyard.benchmark.load.Run;
import io.lanyard.benchmark.load.Tokens;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.rush.TicketRush;
import io.lanyard.benchmark.stack.ConsumersCaughtUp;
import io.lanyard.benchmark.stack.ServiceInstance;
import io.lanyard.notifications.NotificationsApplication;
import io.lanyard.notifications.webhook.write.WebhooksProperties;

/**
 * Scenario 8: the notifications service's signed webhooks, received by {@link WebhookReceiver} in this JVM as an
 * integrator would receive them. First registration's 201 until the webhook about it arrived and verified, at a rate
 * the delivery worker keeps up with; then ten webhooks on the conference of a ticket rush (scenario 3's, reused),
 * and how many deliveries per second reach them while it runs and shortly after.
 * <p>
 * The service runs with the production guard ({@code lanyard.webhooks.allow-private=false}, which the {@code dev}
 * profile would lift) and only the receiver's address allowed by {@code lanyard.webhooks.allowed-addresses}, the
 * documented way to allow an operator's own receiver; a receiver on another loopback address must still be refused.
 */
public final class WebhooksScenario {

    public static final String NAME = "8. Webhooks";
    public static final String REQUESTS = "registrations";
    public static final String NOT_201 = "answers other than 201";
    public static final String NEVER_DELIVERED = "201s never delivered (60 s)";
    public static final String UNVERIFIED = "deliveries whose signature did not verify";
    public static final String GUARD_REFUSED = "receiver outside the allowed range refused with 400";
    public static final String RUSH_DELIVERED = "deliveries received";
    static final String EVENT_TYPE = "registration.attendee-registered";
    private static final String ALLOWED = "127.0.0.1/32";
    private static final Duration KNOWN_WITHIN = Duration.ofMinutes(2);
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(60);

    private WebhooksScenario() {
    }

    public static void run(Bench bench) throws Exception {
        Report report = bench.report();
        long starting = System.nanoTime();
        ServiceInstance notifications = ServiceInstance.start(NotificationsApplication.NAME,
                NotificationsApplication::application, bench.infrastructure(), NotificationsApplication.NAME,
                List.of("--lanyard.webhooks.allow-private=false", "--lanyard.webhooks.allowed-addresses=" + ALLOWED));
        report.note(NAME, String.format(Locale.ROOT, "The notifications service started in this JVM in %.1f s, with "
                + "`lanyard.webhooks.allow-private=false` and `lanyard.webhooks.allowed-addresses=%s` (the receiver's "
                + "address only).", (System.nanoTime() - starting) / 1e9, ALLOWED));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Hooks hooks = new Hooks(bench.http(), notifications.url(), bench.lanyard().organizerToken(
                    "organizer-webhooks"), receiver);
            latency(bench, notifications, hooks);
            rush(bench, notifications, hooks);
            List<WebhookReceiver.Delivery> all = receiver.deliveries();
            report.info(NAME, "all deliveries received", all.size(), "");
            report.target(NAME, UNVERIFIED, all.stream().filter(d -> !d.verified()).count(), "",
                    Report.Goal.AT_MOST, 0, "");
        } finally {
            notifications.close();
        }
    }

    /** Registration 201 → verified webhook, below what the worker delivers, spread over a few conferences. */
    private static void latency(Bench bench, ServiceInstance notifications, Hooks hooks) throws Exception {
        BenchmarkOptions options = bench.options();
        Report report = bench.report();
        Lanyard api = bench.lanyard();
        int conferences = options.webhookConferences();
        Duration poll = notifications.bean(WebhooksProperties.class).pollInterval();
        // one webhook has one delivery in flight; the worker claims when a delivery is queued, when an attempt ends
        // and at every poll, so one delivery per poll per webhook is a floor of what it sends, kept as the bound
        double capacity = conferences * 1000.0 / poll.toMillis();
        double rate = Math.min(options.webhookRate(), capacity / 2);
        if (!Double.isNaN(bench.registrationsPerSecond())) {
            rate = Math.min(rate, bench.registrationsPerSecond() / 2);
        }
        int registrations = (int) Math.max(1, Math.round(rate * options.webhookDuration().toSeconds()));
        List<UUID> conferenceIds = new ArrayList<>();
        List<UUID> ticketTypes = new ArrayList<>();
        for (int c = 0; c < conferences; c++) {
            UUID conference = api.conference(hooks.organizer(), "Webhook conference " + c);
            conferenceIds.add(conference);
            ticketTypes.add(api.ticketType(hooks.organizer(), conference, "Webhook tickets", registrations));
            hooks.register(conference);
        }
        Http.Answer outside = hooks.register(conferenceIds.getFirst(), hooks.receiver().urlOutsideAllowedRange());
        report.target(NAME, GUARD_REFUSED, outside.status() == 400 && outside.body().contains("validation-failed")
                ? 1 : 0, "", Report.Goal.AT_LEAST, 1, "");
        if (outside.status() != 400) {
            report.note(NAME, "MISMATCH: a receiver on 127.0.0.2 was answered " + outside);
        }
        double waited = ConsumersCaughtUp.await(bench.infrastructure().kafkaBootstrap(),
                Map.of(NotificationsApplication.NAME, List.of("lanyard.registration.v1",
                        "lanyard.registration.contacts.v1")),
                Duration.ofMillis(options.smoke() ? 600 : 1_500), Duration.ofMinutes(10));

        String[] subjects = IntStream.range(0, registrations).mapToObj(i -> "webhook-attendee-" + i)
                .toArray(String[]::new);
        String[] tokens = Tokens.mint(api, subjects);
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Run run = Load.atRate(rate, options.webhookDuration(), 1_000, i -> {
            int c = i % conferences;
            Http.Answer answer = api.register(conferenceIds.get(c), ticketTypes.get(c), tokens[i],
                    "Webhook attendee " + i);
            if (answer.status() == 201) {
                answeredAt.put(answer.text("id"), answer.endedAt());
            }
            return answer;
        });
        long deadline = System.nanoTime() + DELIVERED_WITHIN.toNanos();
        Map<String, Long> arrivedAt = arrivals(hooks.receiver(), answeredAt.keySet());
        while (arrivedAt.size() < answeredAt.size() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            arrivedAt = arrivals(hooks.receiver(), answeredAt.keySet());
        }
        Latency latency = new Latency();
        Map<String, Long> arrived = arrivedAt;
        answeredAt.forEach((attendee, answered) -> {
            Long at = arrived.get(attendee);
            if (at != null) {
                // a delivery can overtake the 201 on its way back to the client; it then took no time at all
                latency.record(Math.max(1, at - answered));
            }
        });

        String label = String.format(Locale.ROOT, "201 → signed webhook (%d webhooks, %.1f/s)", conferences, rate);
        long ok = run.withStatus(201);
        report.info(NAME, label + ": " + REQUESTS, run.answers().length, "");
        report.target(NAME, label + ": " + NOT_201, run.answers().length - ok, "", Report.Goal.AT_MOST, 0, "");
        report.info(NAME, label + ": p50", latency.p50(), "ms");
        report.info(NAME, label + ": p99", latency.p99(), "ms");
        report.info(NAME, label + ": max", latency.maxMs(), "ms");
        report.target(NAME, label + ": " + NEVER_DELIVERED, answeredAt.size() - arrivedAt.size(), "",
                Report.Goal.AT_MOST, 0, "");
        report.note(NAME, String.format(Locale.ROOT, "201 → webhook: %,d registrations at %.1f/s for %.0f s over %d "
                        + "conferences, one webhook each for `%s`, answers %s%s; latency from the 201 until the "
                        + "receiver had the delivery and its signature verified. Below capacity: a webhook has at "
                        + "most one delivery in flight, claimed when it is queued, when the last attempt ends and "
                        + "at least every %d ms, so one webhook receives at least one delivery per poll (%.0f/s for "
                        + "%d); the rate is at most half that, and at most half the independent-commands rate. Before it started, waited %.1f s until notifications "
                        + "had consumed registration's topics to the end.", run.answers().length, rate,
                run.seconds(), conferences, EVENT_TYPE, run.statuses(),
                ok == run.answers().length ? "" : " (e.g. " + run.sample(a -> a.status() != 201) + ")",
                poll.toMillis(), capacity, conferences, waited));
    }

    /** Ten webhooks on one conference while scenario 3's ticket rush sells it out. */
    private static void rush(Bench bench, ServiceInstance notifications, Hooks hooks) {
        BenchmarkOptions options = bench.options();
        Report report = bench.report();
        Lanyard api = bench.lanyard();
        UUID conference = api.conference(hooks.organizer(), "Webhook rush conference");
        Set<Integer> endpoints = new HashSet<>();
        for (int h = 0; h < options.webhookRushReceivers(); h++) {
            endpoints.add(hooks.register(conference));
        }
        TicketRush.Registrations rush = TicketRush.registrations(api, hooks.organizer(), conference,
                options.webhookRushClients(), options.webhookRushQuota(), options.rushInFlight());
        long drainedUntil = rush.run().endedAt() + options.webhookDrain().toNanos();
        LockSupport.parkNanos(Math.max(0, drainedUntil - System.nanoTime()));
        long queued = notifications.bean(JdbcClient.class)
                .sql("select count(*) from webhook_delivery where status = 'PENDING'").query(Long.class).single();

        List<WebhookReceiver.Delivery> mine = hooks.receiver().deliveries().stream()
                .filter(d -> endpoints.contains(d.endpoint())).toList();
        long start = rush.run().startedAt();
        long end = rush.run().endedAt();
        long duringRush = mine.stream().filter(d -> d.arrivedAt() <= end).count();
        long duringWindow = mine.stream().filter(d -> d.arrivedAt() <= drainedUntil).count();
        long distinct = mine.stream().map(d -> d.endpoint() + " " + d.webhookId()).distinct().count();
        double rushSeconds = (end - start) / 1e9;
        double windowSeconds = (drainedUntil - start) / 1e9;
        String label = String.format(Locale.ROOT, "%d webhooks, ticket rush (%,d clients, %,d seats)",
                endpoints.size(), options.webhookRushClients(), options.webhookRushQuota());
        report.info(NAME, label + ": sold/s", rush.soldPerSecond(), "/s");
        report.info(NAME, label + ": p99, all answers", rush.run().all().p99(), "ms");
        report.info(NAME, label + ": deliveries/s while the rush ran", duringRush / rushSeconds, "/s");
        report.info(NAME, String.format(Locale.ROOT, "%s: deliveries/s, rush and %d s after", label,
                options.webhookDrain().toSeconds()), duringWindow / windowSeconds, "/s");
        report.info(NAME, label + ": " + RUSH_DELIVERED, mine.size(), "");
        report.info(NAME, label + ": deliveries still queued then", queued, "");
        report.target(NAME, label + ": " + TicketRush.NEITHER_SOLD_NOR_SOLD_OUT, rush.failed(), "",
                Report.Goal.AT_MOST, 0, "");
        report.note(NAME, String.format(Locale.ROOT, "Rush with webhooks: %d webhooks for `%s` on the rush's "
                        + "conference, each sale one delivery to each; %,d sold (%,d deliveries owed), %,d delivered "
                        + "within %.1f s of the rush's start (%,d of them while it ran, %.1f s), %,d received twice, "
                        + "%,d deliveries of every conference still queued then. At that pace the whole rush is "
                        + "delivered %.0f s after it began.", endpoints.size(), EVENT_TYPE, rush.sold(),
                rush.sold() * endpoints.size(), duringWindow, windowSeconds, duringRush, rushSeconds,
                mine.size() - distinct, queued,
                duringWindow == 0 ? Double.NaN : rush.sold() * endpoints.size() / (duringWindow / windowSeconds)));
    }

    /** When each attendee's verified delivery first arrived. */
    private static Map<String, Long> arrivals(WebhookReceiver receiver, Set<String> attendees) {
        Map<String, Long> first = new ConcurrentHashMap<>();
        for (WebhookReceiver.Delivery d : receiver.deliveries()) {
            if (d.verified() && EVENT_TYPE.equals(d.type()) && attendees.contains(d.attendeeId())) {
                first.merge(d.attendeeId(), d.arrivedAt(), Math::min);
            }
        }
        return first;
    }

    /** Registers the receiver's endpoints as the conference's organizer would, through the public API. */
    private record Hooks(Http http, String url, String organizer, WebhookReceiver receiver) {

        /** A new endpoint registered for the conference, once notifications knows it; its number. */
        int register(UUID conference) {
            int endpoint = receiver.endpoint();
            Http.Answer answer = register(conference, receiver.url(endpoint));
            Lanyard.expect(answer, 201, "POST webhooks");
            receiver.secret(endpoint, answer.text("secret"));
            return endpoint;
        }

        /** The answer to registering a URL; retried while notifications does not know the conference yet. */
        Http.Answer register(UUID conference, String receiverUrl) {
            long deadline = System.nanoTime() + KNOWN_WITHIN.toNanos();
            while (true) {
                Http.Answer answer = http.post(url + "/conferences/" + conference + "/webhooks", organizer,
                        Map.of("url", receiverUrl, "events", List.of(EVENT_TYPE)));
                if (answer.status() != 404 || System.nanoTime() > deadline) {
                    return answer;
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
    }
}
