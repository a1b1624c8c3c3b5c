package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * What the sprints tests share: announcing sprints and signing people up through the API, replaying the board, and
 * reading what sprints published.
 */
public abstract class SprintsTestSupport extends ServiceTestSupport {

    protected static final String MONDAY = "2027-05-17";
    protected static final String TUESDAY = "2027-05-18";
    protected static final String WEDNESDAY = "2027-05-19";

    /**
     * What sprints published on {@code lanyard.sprints.v1} for the conference, in order, read from the beginning as
     * registration's itinerary would, once {@code until} holds for it.
     */
    protected static List<IntegrationEvent> publishedFor(UUID conference, Predicate<List<IntegrationEvent>> until) {
        List<IntegrationEvent> published = new ArrayList<>();
        IntegrationEventCodec codec = new IntegrationEventCodec();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "sprints-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(EventCatalogue.SPRINTS_TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(conference.toString())) {
                        published.add(codec.decode(record.value()));
                    }
                }
                return until.test(published);
            });
        }
        return published;
    }

    /** The sprint board is a read model: events put straight into the store reach it through a replay. */
    void replaySprintView() {
        Http.Response replayed = http().post("/admin/read-models/sprint-view/replay",
                tokens.mint("otto", List.of("OPERATOR")), null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
    }

    static String sprints(UUID conference) {
        return "/conferences/" + conference + "/sprints";
    }

    static String participants(UUID conference, UUID sprint) {
        return sprints(conference) + "/" + sprint + "/participants";
    }

    Http.Response announce(String token, UUID conference, UUID leader, int capacity, String... days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", "CPython");
        body.put("description", "Triage issues, review pull requests");
        body.put("leaderAttendeeId", leader.toString());
        body.put("capacity", capacity);
        body.put("days", List.of(days));
        return http().post(sprints(conference), token, body);
    }

    UUID announced(String token, UUID conference, UUID leader, int capacity, String... days) {
        Http.Response response = announce(token, conference, leader, capacity, days);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    Http.Response signUp(String token, UUID conference, UUID sprint, UUID attendee, String... days) {
        return http().post(participants(conference, sprint), token,
                Map.of("attendeeId", attendee.toString(), "days", List.of(days)));
    }

    void signedUp(String token, UUID conference, UUID sprint, UUID attendee, String... days) {
        Http.Response response = signUp(token, conference, sprint, attendee, days);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    JsonNode sprint(String token, UUID conference, UUID sprint) {
        Http.Response list = http().get(sprints(conference), token);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode node : list.json()) {
            if (node.get("id").asString().equals(sprint.toString())) {
                return node;
            }
        }
        throw new AssertionError("sprint " + sprint + " is not listed: " + list.body());
    }

    int participantsOn(String token, UUID conference, UUID sprint, String day) {
        return sprint(token, conference, sprint).get("participantsPerDay").get(day).asInt();
    }
}
