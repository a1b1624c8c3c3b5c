package io.lanyard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.WebhookSignatures;
import tools.jackson.databind.JsonNode;

/** Facts published to the topics reach the receivers of the conference's webhooks, signed, and are retried. */
@ServiceTest(properties = "spring.config.name=notifications")
class WebhookDeliveryTest extends NotificationsTestSupport {

    @Test
    void a_fact_reaches_the_receiver_signed_as_standard_webhooks_says() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200);

        UUID eventId = sprintAnnounced(conference, "CPython");

        JsonNode delivery = awaitDelivery(hook, eventId, "DELIVERED");
        assertThat(delivery.get("eventType").asString()).isEqualTo("sprints.sprint-announced");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(delivery.has("nextAttemptAt")).isFalse();
        WebhookReceiver.Received received = hook.endpoint().received().getFirst();
        assertThat(received.verified()).as("signature %s of %s", received.signature(), received.body()).isTrue();
        assertThat(received.id()).isEqualTo(eventId.toString());
        assertThat(Long.parseLong(received.timestamp()))
                .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
        JsonNode body = Http.JSON.readTree(received.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "timestamp", "data");
        assertThat(body.get("type").asString()).isEqualTo("sprints.sprint-announced");
        assertThat(Instant.parse(body.get("timestamp").asString())).isNotNull();
        assertThat(body.get("data").get("eventId").asString()).isEqualTo(eventId.toString());
        assertThat(body.get("data").get("conferenceId").asString()).isEqualTo(conference.toString());
        assertThat(body.get("data").get("project").asString()).isEqualTo("CPython");
        assertThat(body.get("data").get("days").get(0).asString()).isEqualTo("2027-05-17");
    }

    @Test
    void the_receivers_check_refuses_a_tampered_body_or_a_wrong_secret() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200);
        UUID eventId = sprintAnnounced(conference, "CPython");
        awaitDelivery(hook, eventId, "DELIVERED");
        WebhookReceiver.Received received = hook.endpoint().received().getFirst();

        assertThat(hook.endpoint().verifies(received.id(), received.timestamp(), received.body(),
                received.signature())).isTrue();
        assertThat(hook.endpoint().verifies(received.id(), received.timestamp(),
                received.body().replace("CPython", "CPythoN"), received.signature())).isFalse();
        assertThat(hook.endpoint().verifies(received.id(), Long.toString(Long.parseLong(received.timestamp()) + 1),
                received.body(), received.signature())).isFalse();
        assertThat(hook.endpoint().verifies(UUID.randomUUID().toString(), received.timestamp(), received.body(),
                received.signature())).isFalse();
        Hook other = hook(conference, "olivia", (n, r) -> 200);
        assertThat(WebhookSignatures.signed(other.secret(), received.id(), received.timestamp(), received.body(),
                received.signature())).isFalse();
    }

    @Test
    void a_webhook_gets_only_the_types_it_subscribed_to_and_only_of_its_conference() {
        UUID conference = conference("olivia");
        Hook sprints = hook(conference, "olivia", (n, r) -> 200, "sprints.sprint-announced");
        Hook registrations = hook(conference, "olivia", (n, r) -> 200, "registration.attendee-registered");
        UUID elsewhere = conference("oscar");

        UUID announced = sprintAnnounced(conference, "CPython");
        sprintAnnounced(elsewhere, "NumPy");
        UUID ada = attendee(conference, "ada", "Ada");

        awaitDelivery(sprints, announced, "DELIVERED");
        await().atMost(Duration.ofSeconds(30)).until(() -> registrations.endpoint().requests() == 1);
        assertThat(registrations.endpoint().received().getFirst().body()).contains(ada.toString())
                .contains("registration.attendee-registered");
        sprintAnnounced(conference, "Django");
        await().atMost(Duration.ofSeconds(30)).until(() -> sprints.endpoint().requests() == 2);
        assertThat(sprints.endpoint().received()).allSatisfy(r -> assertThat(r.body()).doesNotContain("NumPy"));
        assertThat(deliveryLog(registrations).size()).isEqualTo(1);
        assertThat(deliveryLog(sprints).get(0).get("eventType").asString()).isEqualTo("sprints.sprint-announced");
    }

    @Test
    void a_redelivered_record_is_delivered_once() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200);
        UUID eventId = UUID.randomUUID();
        var event = new io.lanyard.kernel.events.sprints.SprintAnnounced(eventId, conference, Instant.now(),
                UUID.randomUUID(), "CPython", UUID.randomUUID(), List.of(), 5);

        RegistrationFeed.publish(event);
        RegistrationFeed.publish(event);
        UUID after = sprintAnnounced(conference, "Django");

        awaitDelivery(hook, after, "DELIVERED");
        awaitDelivery(hook, eventId, "DELIVERED");
        assertThat(deliveryLog(hook).size()).isEqualTo(2);
        assertThat(hook.endpoint().received().stream().filter(r -> r.id().equals(eventId.toString()))).hasSize(1);
    }

    @Test
    void a_receiver_that_fails_is_retried_with_the_same_webhook_id_until_it_answers() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> n <= 2 ? 500 : 204);

        UUID eventId = sprintAnnounced(conference, "CPython");

        JsonNode delivery = awaitDelivery(hook, eventId, "DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(hook.endpoint().received()).hasSize(3)
                .allSatisfy(r -> assertThat(r.id()).isEqualTo(eventId.toString()))
                .allSatisfy(r -> assertThat(r.verified()).isTrue());
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_retried() {
        UUID conference = conference("olivia");
        CountDownLatch released = new CountDownLatch(1);
        Hook hook = hook(conference, "olivia", (n, r) -> {
            if (n == 1) {
                // longer than the tests' 3 s timeout; released when the test is done with it
                released.await(20, TimeUnit.SECONDS);
            }
            return 200;
        });

        try {
            UUID eventId = sprintAnnounced(conference, "CPython");

            JsonNode delivery = awaitDelivery(hook, eventId, "DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
            assertThat(hook.endpoint().requests()).isEqualTo(2);
        } finally {
            released.countDown();
        }
    }

    @Test
    void a_delivery_that_always_fails_ends_failed_after_the_last_attempt() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 503);

        UUID eventId = sprintAnnounced(conference, "CPython");

        JsonNode delivery = awaitDelivery(hook, eventId, "FAILED");
        // the tests' schedule has three pauses: four attempts in all
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(503);
        assertThat(delivery.get("lastError").asString()).contains("503");
        assertThat(delivery.has("nextAttemptAt")).isFalse();
        assertThat(hook.endpoint().requests()).isEqualTo(4);
        assertThat(webhookListed(hook).get("enabled").asBoolean()).isTrue();
    }

    @Test
    void an_organizer_retries_a_failed_delivery() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> n <= 4 ? 500 : 200);
        UUID eventId = sprintAnnounced(conference, "CPython");
        JsonNode failed = awaitDelivery(hook, eventId, "FAILED");

        Http.Response retried = http().post(deliveries(conference, hook.id()) + "/" + failed.get("id").asString()
                + "/retry", organizerToken("olivia"), null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        JsonNode delivered = awaitDelivery(hook, eventId, "DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(5);
        assertThat(hook.endpoint().received()).hasSize(5)
                .allSatisfy(r -> assertThat(r.id()).isEqualTo(eventId.toString()));
    }

    @Test
    void a_receiver_that_answers_410_gone_disables_the_webhook() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 410);

        UUID first = sprintAnnounced(conference, "CPython");

        JsonNode delivery = awaitDelivery(hook, first, "FAILED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(410);
        await().atMost(Duration.ofSeconds(30)).until(() -> !webhookListed(hook).get("enabled").asBoolean());
        assertThat(jdbc.sql("select count(*) from webhook_view where not enabled").query(Long.class).single())
                .isPositive();
        String operator = tokens.mint("otto", List.of("OPERATOR"));
        Http.Response metrics = http().get("/actuator/metrics/lanyard.webhooks.disabled", operator);
        assertThat(metrics.json().get("measurements").get(0).get("value").asDouble()).isPositive();
        Http.Response health = http().get("/actuator/health", operator);
        assertThat(health.json().get("components").get("webhooks").get("details").get("disabledWebhooks").asLong())
                .isPositive();
        Hook witness = hook(conference, "olivia", (n, r) -> 200);
        UUID later = sprintAnnounced(conference, "Django");
        awaitDelivery(witness, later, "DELIVERED");
        assertThat(hook.endpoint().requests()).isEqualTo(1);
        assertThat(deliveryLog(hook).size()).isEqualTo(1);
    }

    @Test
    void a_redirect_is_a_failure_and_is_not_followed() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> n == 1 ? 307 : 200);
        WebhookReceiver.Endpoint elsewhere = RECEIVER.endpoint((n, r) -> 200);
        hook.endpoint().redirectTo(elsewhere);

        UUID eventId = sprintAnnounced(conference, "CPython");

        JsonNode delivery = awaitDelivery(hook, eventId, "DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(hook.endpoint().requests()).isEqualTo(2);
        assertThat(elsewhere.requests()).isZero();
    }

    @Test
    void a_slow_receiver_does_not_hold_up_another_webhooks_deliveries() {
        UUID conference = conference("olivia");
        CountDownLatch released = new CountDownLatch(1);
        Hook slow = hook(conference, "olivia", (n, r) -> {
            released.await(20, TimeUnit.SECONDS);
            return 200;
        });
        Hook fast = hook(conference, "olivia", (n, r) -> 200);

        try {
            UUID first = sprintAnnounced(conference, "CPython");
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.endpoint().requests() == 1);
            UUID second = sprintAnnounced(conference, "Django");
            UUID third = sprintAnnounced(conference, "NumPy");

            awaitDelivery(fast, first, "DELIVERED");
            awaitDelivery(fast, second, "DELIVERED");
            awaitDelivery(fast, third, "DELIVERED");
            // the slow receiver's first attempt is still waiting for its answer: nothing of it was recorded yet
            JsonNode slowFirst = deliveryLog(slow).get(2);
            assertThat(slowFirst.get("eventId").asString()).isEqualTo(first.toString());
            assertThat(slowFirst.get("attempts").asInt()).isEqualTo(1);
            assertThat(slowFirst.has("lastError")).isFalse();
            assertThat(slow.endpoint().requests()).isEqualTo(1);
        } finally {
            released.countDown();
        }
    }

    @Test
    void a_deleted_webhook_gets_nothing_more() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 500);
        sprintAnnounced(conference, "CPython");
        await().atMost(Duration.ofSeconds(30)).until(() -> hook.endpoint().requests() >= 1);

        assertThat(http().delete(webhooks(conference) + "/" + hook.id(), organizerToken("olivia")).status())
                .isEqualTo(204);

        int before = hook.endpoint().requests();
        Hook witness = hook(conference, "olivia", (n, r) -> 200);
        UUID later = sprintAnnounced(conference, "Django");
        awaitDelivery(witness, later, "DELIVERED");
        // the tests' pauses are at most 300 ms: a retry still scheduled would have come by now
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> hook.endpoint().requests() <= before + 1);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where webhook_id = ?").param(hook.id())
                .query(Long.class).single()).isZero();
    }
}
