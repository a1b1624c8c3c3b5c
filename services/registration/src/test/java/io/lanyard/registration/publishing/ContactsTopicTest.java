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
import io.lanyard.platform.messaging.IntegrationEventPublisher;
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
        List<String> registeredKeys = new ArrayList<>();
        TopicReader.forEachRecord(EventCatalogue.REGISTRATION_TOPIC, record -> {
            IntegrationEvent event;
            try {
                event = codec.decode(record.value());
            } catch (UndecodableRecordException e) {
                return; // another test's poison record
            }
            if (conference.equals(event.conferenceId())) {
                onRegistrationTopic.add(event);
                rawRecords.add(new String(record.value(), StandardCharsets.UTF_8));
                if (event instanceof AttendeeRegistered) {
                    registeredKeys.add(record.key());
                }
            }
        });
        IntegrationEvent registered = onRegistrationTopic.stream().filter(AttendeeRegistered.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(registeredKeys).as("keyed by the registration, so that one attendee's facts keep their order")
                .containsOnly(attendee.toString());
        assertThat(registered.occurredAt()).isEqualTo(contact.occurredAt());
        assertThat(contact.eventId()).as("a consumer of both topics must not take one for a copy of the other")
                .isNotEqualTo(registered.eventId());
        assertThat(rawRecords).noneMatch(raw -> raw.contains(email));
    }

    @Test
    void an_erasure_leaves_a_tombstone_for_the_attendee_after_their_address() {
        String olivia = organizerToken("olivia");
        UUID conference = createConference(olivia);
        UUID ticketType = createTicketType(olivia, conference, 60);
        String dana = "dana-" + UUID.randomUUID();
        String token = attendeeToken(dana);
        String attendee = register(token, conference, ticketType, dana).json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !contactsOf(attendee).isEmpty());

        assertThat(http().post("/conferences/" + conference + "/attendees/" + attendee + "/erasure", token, null)
                .status()).isEqualTo(202);

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            records.clear();
            records.addAll(contactsOf(attendee));
            return records.getLast().value() == null;
        });
        assertThat(records).as("the address, then the tombstone, on the attendee's partition").hasSize(2);
        assertThat(new String(records.getFirst().value(), StandardCharsets.UTF_8)).contains(dana + "@example.org");
        assertThat(records.getLast().headers().lastHeader(IntegrationEventPublisher.EVENT_ID_HEADER)).isNotNull();
    }

    /** Every record of the contacts topic keyed by the attendee, in order (one key, one partition). */
    private static List<ConsumerRecord<String, byte[]>> contactsOf(String attendee) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        TopicReader.forEachRecord(EventCatalogue.CONTACTS_TOPIC, record -> {
            if (attendee.equals(record.key())) {
                records.add(record);
            }
        });
        return records;
    }

    @Test
    void the_topics_keep_records_for_their_retention_and_the_contacts_topic_is_compacted() throws Exception {
        try (Admin admin = Admin.create(EmbeddedInfrastructure.kafkaAdmin())) {
            List<ConfigResource> topics = KafkaAccess.ownedTopics().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);

            for (ConfigResource topic : topics) {
                Config config = configs.get(topic);
                if (topic.name().equals(EventCatalogue.CONTACTS_TOPIC)) {
                    assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                            .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                    assertThat(config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value())
                            .isEqualTo(Long.toString(Duration.ofHours(1).toMillis()));
                    assertThat(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value())
                            .isEqualTo(Long.toString(Duration.ofDays(1).toMillis()));
                } else {
                    assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic.name())
                            .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
                    assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic.name())
                            .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
                }
            }
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
