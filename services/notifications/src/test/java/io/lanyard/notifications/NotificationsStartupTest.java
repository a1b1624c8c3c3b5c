package io.lanyard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.SchemaAssertions;
import io.lanyard.testsupport.ServiceTest;

/** The service starts with its principal, which consumes the four topics and owns none, and knows conferences. */
@ServiceTest(properties = "spring.config.name=notifications")
class NotificationsStartupTest extends NotificationsTestSupport {

    @Test
    void it_is_healthy_and_learns_conferences_from_registrations_topic() {
        UUID conference = conference("olivia");

        assertThat(organizers.isOrganizer(conference, "olivia")).isTrue();
        Http.Response health = http().get("/actuator/health", tokens.mint("otto", List.of("OPERATOR")));
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void events_snapshots_and_tokens_are_bytea_and_the_global_index_has_no_gaps_by_design() {
        SchemaAssertions.assertEventStoreSchema(jdbc);
    }

    /** Its principal reads the four topics (the conference above came through one) and may write none of them. */
    @Test
    void the_broker_refuses_a_record_written_as_notifications() {
        Map<String, Object> config = EmbeddedInfrastructure.kafkaClient("notifications");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        // idempotence needs a WRITE grant on some topic (KIP-679); without it the broker refuses the whole producer
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(EventCatalogue.REGISTRATION_TOPIC, "key",
                    new byte[] {'{', '}'})).get(15, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }
}
