package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.notifications.NotificationsTestSupport;
import io.lanyard.notifications.WebhookReceiver;
import io.lanyard.notifications.webhook.write.DeliveriesQueued;
import io.lanyard.notifications.webhook.write.ReceiverAddresses;
import io.lanyard.notifications.webhook.write.RegisteredWebhooks;
import io.lanyard.notifications.webhook.write.WebhooksProperties;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.outbox.DeliveryQueue;
import io.lanyard.platform.outbox.RetrySchedule;
import io.lanyard.testsupport.ServiceTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Workers on several instances and across restarts, on the one database: a second worker made here beside the
 * context's, as a second instance would run it, and the context's worker stopped and started again as a restart
 * would.
 */
@ServiceTest(properties = "spring.config.name=notifications")
class DeliveryWorkersTest extends NotificationsTestSupport {

    private static final Duration LEASE = Duration.ofSeconds(5);

    @Autowired
    WebhookDeliveryWorker worker;

    @Autowired
    RegisteredWebhooks webhooks;

    @Autowired
    ReceiverAddresses addresses;

    @Autowired
    Commands commands;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    DeliveriesQueued queued;

    private DeliveryQueue queue(String owner, RetrySchedule schedule) {
        return new DeliveryQueue(WebhookOutbox.TABLE, jdbc, transactions, clock, schedule, LEASE, owner);
    }

    private WebhookDeliveryWorker anotherInstance(String owner, RetrySchedule schedule, SimpleMeterRegistry meters) {
        return anotherInstance(owner, schedule, meters, addresses);
    }

    private WebhookDeliveryWorker anotherInstance(String owner, RetrySchedule schedule, SimpleMeterRegistry meters,
                                                  ReceiverAddresses guard) {
        return anotherInstance(owner, schedule, meters, guard, Duration.ofMillis(50));
    }

    private WebhookDeliveryWorker anotherInstance(String owner, RetrySchedule schedule, SimpleMeterRegistry meters,
                                                  ReceiverAddresses guard, Duration pollInterval) {
        WebhookOutbox outbox = new WebhookOutbox(queue(owner, schedule), jdbc);
        return new WebhookDeliveryWorker(outbox, webhooks, guard, new WebhookSender(Duration.ofSeconds(2), clock),
                commands, new WebhookDeliveryMetrics(meters, outbox), clock, queued, pollInterval, 4);
    }

    /** An instance that polls when it starts and then only once an hour: whatever it sends sooner, it claimed unpolled. */
    private WebhookDeliveryWorker pollingOnlyAtItsStart() {
        return anotherInstance("polls-once", new RetrySchedule(List.of(Duration.ofHours(1))), new SimpleMeterRegistry(),
                addresses, Duration.ofHours(1));
    }

    private Map<String, Object> row(UUID webhookId, UUID eventId) {
        return jdbc.sql("select * from webhook_delivery where webhook_id = ? and event_id = ?")
                .params(webhookId, eventId).query().singleRow();
    }

    @Test
    void two_instances_never_send_one_delivery_twice_and_each_receiver_one_at_a_time() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WebhookDeliveryWorker second = anotherInstance("second-instance",
                new RetrySchedule(List.of(Duration.ofMillis(100))), meters);
        UUID conference = conference("olivia");
        List<Hook> hooks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hooks.add(hook(conference, "olivia", (n, r) -> 200));
        }
        second.start();
        try {
            List<UUID> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                events.add(sprintAnnounced(conference, "Project " + i));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                            select count(*) from webhook_delivery where conference_id = ? and status = 'DELIVERED'""")
                    .param(conference).query(Long.class).single() == 60);
            for (Hook hook : hooks) {
                List<String> ids = hook.endpoint().received().stream().map(WebhookReceiver.Received::id).toList();
                assertThat(ids).as("what %s received", hook.endpoint().url())
                        .containsExactlyInAnyOrderElementsOf(events.stream().map(UUID::toString).toList());
                assertThat(hook.endpoint().mostInFlight()).isEqualTo(1);
            }
            double bySecond = meters.get("lanyard.webhooks.deliveries").tag("outcome", "delivered").counter().count();
            assertThat(bySecond).as("deliveries the second instance made").isBetween(1.0, 59.0);
        } finally {
            second.stop();
        }
    }

    /**
     * A webhook has one delivery in flight; if its next were claimed only at the next poll, a receiver would get one
     * delivery per poll interval however fast it answers. This instance polls once, at its start, and then only
     * when an attempt has finished.
     */
    @Test
    void a_webhooks_next_delivery_is_claimed_as_soon_as_its_last_attempt_ends() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200);
        WebhookDeliveryWorker once = pollingOnlyAtItsStart();
        worker.stop();
        try {
            List<UUID> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(sprintAnnounced(conference, "Project " + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                            select count(*) from webhook_delivery where webhook_id = ? and status = 'PENDING'""")
                    .param(hook.id()).query(Long.class).single() == 5);

            once.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> hook.endpoint().requests() == 5);
            assertThat(hook.endpoint().received()).extracting(WebhookReceiver.Received::id)
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(UUID::toString).toList());
            assertThat(hook.endpoint().mostInFlight()).isEqualTo(1);
        } finally {
            once.stop();
            worker.start();
        }
    }

    /** The first delivery to a quiet webhook leaves as soon as it is queued, not at the instance's next poll. */
    @Test
    void a_delivery_queued_on_this_instance_is_claimed_at_once() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200);
        WebhookDeliveryWorker once = pollingOnlyAtItsStart();
        worker.stop();
        try {
            once.start();

            UUID eventId = sprintAnnounced(conference, "CPython");

            await().atMost(Duration.ofSeconds(30)).until(() -> hook.endpoint().requests() == 1);
            assertThat(hook.endpoint().received()).extracting(WebhookReceiver.Received::id)
                    .containsExactly(eventId.toString());
        } finally {
            once.stop();
            worker.start();
        }
    }

    @Test
    void a_restart_between_two_attempts_loses_nothing() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> n == 1 ? 500 : 200);
        // the instance before the restart waits an hour after a failure, so the retry is left for after it
        WebhookDeliveryWorker before = anotherInstance("before-restart",
                new RetrySchedule(List.of(Duration.ofHours(1), Duration.ofHours(1))), new SimpleMeterRegistry());
        worker.stop();
        try {
            before.start();
            UUID eventId = sprintAnnounced(conference, "CPython");
            await().atMost(Duration.ofSeconds(30)).until(() -> hook.endpoint().requests() == 1
                    && Integer.valueOf(500).equals(row(hook.id(), eventId).get("last_status_code")));
            before.stop();
            assertThat(row(hook.id(), eventId).get("status")).isEqualTo("PENDING");

            clockAt(Instant.now().plus(Duration.ofHours(2)));
            worker.start();

            awaitDelivery(hook, eventId, "DELIVERED");
            assertThat(row(hook.id(), eventId).get("attempts")).isEqualTo(2);
            assertThat(hook.endpoint().received()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.id()).isEqualTo(eventId.toString()))
                    .allSatisfy(r -> assertThat(r.verified()).isTrue());
        } finally {
            before.stop();
            worker.start();
        }
    }

    @Test
    void a_delivery_claimed_by_an_instance_that_died_is_sent_once_its_lease_runs_out() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200);
        worker.stop();
        try {
            UUID eventId = sprintAnnounced(conference, "CPython");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                            "select count(*) from webhook_delivery where webhook_id = ? and event_id = ?")
                    .params(hook.id(), eventId).query(Long.class).single() == 1);
            UUID deliveryId = (UUID) row(hook.id(), eventId).get("delivery_id");
            List<DeliveryQueue.Claim> died = queue("died-mid-attempt", new RetrySchedule(List.of()))
                    .claimDue(1_000);
            assertThat(died).extracting(DeliveryQueue.Claim::id).contains(deliveryId);

            worker.start();
            await("the lease keeps every other worker away").during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5)).until(() -> hook.endpoint().requests() == 0);
            clockAt(Instant.now().plus(LEASE).plusSeconds(1));

            awaitDelivery(hook, eventId, "DELIVERED");
            assertThat(row(hook.id(), eventId).get("attempts")).isEqualTo(2);
            assertThat(hook.endpoint().requests()).isEqualTo(1);
        } finally {
            worker.start();
        }
    }

    /**
     * The receiver's address was fine at registration and is not any more (its name resolves elsewhere now): here the
     * instance's guard no longer allows 127.0.0.2, which is what a name now resolving to a loopback address meets.
     */
    @Test
    void a_delivery_to_an_address_that_is_no_longer_allowed_is_not_sent_and_says_why() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200);
        ReceiverAddresses strict = new ReceiverAddresses(new WebhooksProperties(false, List.of(),
                Duration.ofSeconds(2), List.of(Duration.ofHours(1)), LEASE, Duration.ofMillis(50), 4));
        WebhookDeliveryWorker guarded = anotherInstance("strict-instance",
                new RetrySchedule(List.of(Duration.ofHours(1))), new SimpleMeterRegistry(), strict);
        worker.stop();
        try {
            guarded.start();
            UUID eventId = sprintAnnounced(conference, "CPython");

            // the delivery is queued a moment after the fact is published
            await().atMost(Duration.ofSeconds(30)).ignoreException(EmptyResultDataAccessException.class)
                    .until(() -> row(hook.id(), eventId).get("last_error") != null);
            Map<String, Object> refused = row(hook.id(), eventId);
            assertThat(refused.get("last_error")).asString()
                    .isEqualTo("not sent: 127.0.0.2 resolves to 127.0.0.2, a loopback address; webhooks are sent only"
                            + " to public addresses");
            assertThat(refused.get("status")).isEqualTo("PENDING");
            assertThat(refused.get("last_status_code")).isNull();
            assertThat(hook.endpoint().requests()).isZero();
        } finally {
            guarded.stop();
            worker.start();
        }
    }

    @Test
    void operators_see_what_waits_how_long_and_how_attempts_ended() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> n == 1 ? 500 : 200);
        double delivered = metric("lanyard.webhooks.deliveries?tag=outcome:delivered");
        double retrying = metric("lanyard.webhooks.deliveries?tag=outcome:retrying");
        worker.stop();
        try {
            UUID eventId = sprintAnnounced(conference, "CPython");
            await().atMost(Duration.ofSeconds(30)).until(() -> metric("lanyard.webhooks.queue.depth") >= 1);
            clockAt(Instant.now().plus(Duration.ofMinutes(10)));
            assertThat(metric("lanyard.webhooks.queue.oldest.age")).isGreaterThanOrEqualTo(600);

            worker.start();

            awaitDelivery(hook, eventId, "DELIVERED");
            assertThat(metric("lanyard.webhooks.deliveries?tag=outcome:retrying")).isGreaterThanOrEqualTo(retrying + 1);
            assertThat(metric("lanyard.webhooks.deliveries?tag=outcome:delivered")).isGreaterThanOrEqualTo(delivered + 1);
        } finally {
            worker.start();
        }
    }

    private double metric(String name) {
        var response = http().get("/actuator/metrics/" + name, tokens.mint("otto", List.of("OPERATOR")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("measurements").get(0).get("value").asDouble();
    }
}
