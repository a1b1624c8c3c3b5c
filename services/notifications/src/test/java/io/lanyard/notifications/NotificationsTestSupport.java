package io.lanyard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.sprints.SprintAnnounced;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * What the notifications tests share: the service started once against the shared embedded PostgreSQL and Kafka
 * ({@code @ServiceTest(properties = "spring.config.name=notifications")} on every test class, so all of them share
 * one cached context; {@code config/notifications.yml} in the test resources sets the guard and the short pauses),
 * conferences set up through registration's topic, webhooks registered through the API and facts published to the
 * topics as their owners publish them.
 */
public abstract class NotificationsTestSupport extends ServiceTestSupport {

    /** One receiver for the test JVM, which it goes with; each test registers endpoints of its own. */
    protected static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Autowired
    protected JdbcClient jdbc;

    /** A registered webhook: what its organizer got back, and the receiver endpoint it points at. */
    protected record Hook(UUID conferenceId, UUID id, String secret, WebhookReceiver.Endpoint endpoint) {
    }

    protected static String webhooks(UUID conference) {
        return "/conferences/" + conference + "/webhooks";
    }

    protected static String deliveries(UUID conference, UUID webhook) {
        return webhooks(conference) + "/" + webhook + "/deliveries";
    }

    protected Http.Response register(String token, UUID conference, String url, List<String> events) {
        return http().post(webhooks(conference), token, Map.of("url", url, "events", events));
    }

    /** An organizer of the conference registers a webhook to a new endpoint of the receiver. */
    protected Hook hook(UUID conference, String organizer, WebhookReceiver.Behaviour behaviour, String... events) {
        WebhookReceiver.Endpoint endpoint = RECEIVER.endpoint(behaviour);
        Http.Response registered = register(organizerToken(organizer), conference, endpoint.url(),
                events.length == 0 ? List.of("*") : List.of(events));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String secret = registered.json().get("secret").asString();
        endpoint.secret(secret);
        return new Hook(conference, UUID.fromString(registered.json().get("id").asString()), secret, endpoint);
    }

    /** Sprints announces a sprint for the conference, on its own topic; the event's id. */
    protected static UUID sprintAnnounced(UUID conference, String project) {
        UUID eventId = UUID.randomUUID();
        RegistrationFeed.publish(new SprintAnnounced(eventId, conference,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), UUID.randomUUID(), project, UUID.randomUUID(),
                List.of(LocalDate.of(2027, 5, 17), LocalDate.of(2027, 5, 18)), 12));
        return eventId;
    }

    protected JsonNode deliveryLog(Hook hook) {
        Http.Response log = http().get(deliveries(hook.conferenceId(), hook.id()), organizerToken("olivia"));
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        return log.json();
    }

    /** The delivery of the event to the webhook, once {@code status} is what it has come to. */
    protected JsonNode awaitDelivery(Hook hook, UUID eventId, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (JsonNode delivery : deliveryLog(hook)) {
                if (delivery.get("eventId").asString().equals(eventId.toString())
                        && delivery.get("status").asString().equals(status)) {
                    found[0] = delivery;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    protected JsonNode webhookListed(Hook hook) {
        Http.Response list = http().get(webhooks(hook.conferenceId()), organizerToken("olivia"));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode node : list.json()) {
            if (node.get("id").asString().equals(hook.id().toString())) {
                return node;
            }
        }
        return null;
    }
}
