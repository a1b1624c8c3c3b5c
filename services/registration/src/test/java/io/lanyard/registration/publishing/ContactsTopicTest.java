package io.lanyard.registration.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.registration.AttendeeContactGiven;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.KafkaAccess;
import io.lanyard.platform.messaging.UndecodableRecordException;
import io.lanyard.registration.RegistrationTestSupport;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.TopicReader;

/**
 * An attendee's e-mail address leaves registration on the contacts topic alone, keyed by the attendee, and the
 * broker lets notifications read that topic and no other service.
 */
@ServiceTest(properties = "spring.config.name=registration")
class ContactsTopicTest extends RegistrationTestSupport {

    private final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void a_registration_puts_the_address_on_the_contacts_topic_keyed_by_attendee_and_not_on_the_registration_topic()
            throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = createConference(olivia);
        UUID ticketType = createTicketType(olivia, conference, 60);
        String carol = "carol-" + UUID.randomUUID();
        UUID attendee = UUID.fromString(register(attendeeToken(carol), conference, ticketType, carol)
                .json().get("id").asString());
        String email = carol + "@example.org";

        List<ConsumerRecord<String, byte[]>> contacts = new ArrayList<>();
        Map<String, Object> config = EmbeddedInfrastructure.kafkaClient("notifications");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "notifications-contacts-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> notifications = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            notifications.subscribe(List.of(EventCatalogue.CONTACTS_TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                notifications.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (attendee.toString().equals(record.key())) {
                        contacts.add(record);
                    }
                });
                return !contacts.isEmpty();
            });
        }
        IntegrationEvent contact = codec.decode(EventCatalogue.CONTACTS_TOPIC, contacts.getFirst().value());
        assertThat(contact).isEqualTo(new AttendeeContactGiven(contact.eventId(), conference, contact.occurredAt(),
                attendee, email));

        List<IntegrationEvent> onRegistrationTopic = new ArrayList<>();
        List<String> rawRecords = new ArrayList<>();
        TopicReader.forEachRecord(EventCatalogue.REGISTRATION_TOPIC, record -> {
            if (conference.toString().equals(record.key())) {
                try {
                    onRegistrationTopic.add(codec.decode(record.value()));
                } catch (UndecodableRecordException e) {
                    throw new AssertionError(e);
                }
                rawRecords.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        });
        IntegrationEvent registered = onRegistrationTopic.stream().filter(AttendeeRegistered.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(registered.occurredAt()).isEqualTo(contact.occurredAt());
        assertThat(contact.eventId()).as("a consumer of both topics must not take one for a copy of the other")
                .isNotEqualTo(registered.eventId());
        assertThat(rawRecords).noneMatch(raw -> raw.contains(email));
    }

    @Test
    void the_contacts_topic_is_compacted_so_that_a_tombstone_can_erase_an_address() throws Exception {
        try (Admin admin = Admin.create(EmbeddedInfrastructure.kafkaAdmin())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, EventCatalogue.CONTACTS_TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void no_service_but_notifications_may_read_the_contacts_topic() {
        List<String> others = KafkaAccess.SERVICES.stream().map(KafkaAccess.Grant::principal)
                .filter(principal -> !principal.equals("notifications")).toList();
        assertThat(others).containsAll(Set.of("registration", "volunteering", "dinners", "sprints"));
        for (String principal : others) {
            Map<String, Object> config = EmbeddedInfrastructure.kafkaClient(principal);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, principal + "-contacts-acl-test-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(EventCatalogue.CONTACTS_TOPIC));
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 20; i++) {
                        consumer.poll(Duration.ofMillis(500));
                    }
                }).as(principal).isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }
}
