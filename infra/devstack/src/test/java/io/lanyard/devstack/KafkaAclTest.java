package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.registration.OrganizerAdded;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.KafkaBackboneProperties;
import io.lanyard.platform.messaging.UndecodableRecordException;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.TopicReader;

/** The shared broker's ACLs: only registration writes registration's topic, so a forged organizer never arrives. */
class KafkaAclTest {

    private static final String TOPIC = EventCatalogue.REGISTRATION_TOPIC;

    @Test
    void another_services_principal_cannot_write_registrations_topic_and_the_forged_organizer_never_arrives() {
        UUID conference = UUID.randomUUID();
        for (String intruder : List.of("volunteering", "dinners", "sprints")) {
            assertThatThrownBy(() -> forge(EmbeddedInfrastructure.kafkaClient(intruder), conference))
                    .as(intruder)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
        // a principal that may write no topic at all does not even get an idempotent producer id: the send fails with
        // it, or, when the refusal came back before the send was made, the producer refuses to send at all
        assertThatThrownBy(() -> forge(EmbeddedInfrastructure.kafkaClient(EmbeddedInfrastructure.OBSERVER), conference))
                .hasRootCauseInstanceOf(ClusterAuthorizationException.class);
        RegistrationFeed.organizerAdded(conference, "olivia");

        // an observer reading the whole topic finds registration's own organizer, and not mallory
        assertThat(organizersOnTheTopic(conference)).containsExactly("olivia");
    }

    @Test
    void a_producer_without_the_right_password_or_without_credentials_is_refused() {
        UUID conference = UUID.randomUUID();
        Map<String, Object> wrongPassword = new HashMap<>(KafkaBackboneProperties.saslConfig(
                new KafkaBackboneProperties.Security("SASL_PLAINTEXT", "SCRAM-SHA-512", "registration", "guessed")));
        wrongPassword.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.kafka().getBrokersAsString());
        assertThatThrownBy(() -> forge(wrongPassword, conference))
                .satisfies(e -> assertThat(e instanceof SaslAuthenticationException
                        || e.getCause() instanceof SaslAuthenticationException).as(e.toString()).isTrue());

        // a plaintext client never gets past the SASL handshake, so it never learns where the topic lives
        Map<String, Object> none = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.kafka().getBrokersAsString());
        assertThatThrownBy(() -> forge(none, conference))
                .satisfies(e -> assertThat(e instanceof TimeoutException || e.getCause() instanceof TimeoutException)
                        .as(e.toString()).isTrue());

        assertThat(organizersOnTheTopic(conference)).isEmpty();
    }

    @Test
    void a_service_reads_only_the_topics_it_consumes() {
        Map<String, Object> config = EmbeddedInfrastructure.kafkaClient("volunteering");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "volunteering-acl-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(EventCatalogue.DINNERS_TOPIC));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** The subjects of every organizer-added record for the conference on registration's topic, as of now. */
    private static List<String> organizersOnTheTopic(UUID conference) {
        IntegrationEventCodec codec = new IntegrationEventCodec();
        List<String> subjects = new ArrayList<>();
        TopicReader.forEachRecord(TOPIC, record -> {
            if (conference.toString().equals(record.key())) {
                try {
                    if (codec.decode(record.value()) instanceof OrganizerAdded added) {
                        subjects.add(added.subject());
                    }
                } catch (UndecodableRecordException e) {
                    // another test's poison record
                }
            }
        });
        return subjects;
    }

    /** {@code mallory} made an organizer of the conference: the record the ACLs exist to keep out. */
    private static void forge(Map<String, Object> client, UUID conference) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] forged = new IntegrationEventCodec().encode(
                    new OrganizerAdded(UUID.randomUUID(), conference, Instant.now(), "mallory"));
            producer.send(new ProducerRecord<>(TOPIC, conference.toString(), forged)).get(10, TimeUnit.SECONDS);
        }
    }
}
