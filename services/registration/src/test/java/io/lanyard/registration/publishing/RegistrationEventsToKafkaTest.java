package io.lanyard.registration.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeCheckedIn;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.kernel.events.registration.ConferenceCreated;
import io.lanyard.kernel.events.registration.OrganizerAdded;
import io.lanyard.kernel.events.registration.TicketTypeCreated;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.registration.RegistrationTestSupport;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

/**
 * A conference's life in registration's domain events (created, an organizer added, a ticket type, a registration
 * checked in and cancelled) and what reaches {@code lanyard.registration.v1} of it: one integration event per fact
 * that other services consume, in order, each carrying its domain event's id and time, and a cancellation saying
 * whether the owner or an organizer cancelled. The quota segments' own events ({@code QuotaSegmentOpened},
 * {@code SeatSold}, {@code SeatReleased}) stay inside the service.
 */
@ServiceTest(properties = "spring.config.name=registration")
class RegistrationEventsToKafkaTest extends RegistrationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_conference_and_a_registrations_life_reach_lanyard_registration_v1_in_order() {
        try (Topic topic = new Topic()) {
            String olivia = organizerToken("olivia");
            UUID conference = createConference(olivia);
            topic.eventsOf(conference, 1);
            assertThat(http().post("/conferences/" + conference + "/organizers", olivia, Map.of("subject", "oscar"))
                    .status()).isEqualTo(204);
            topic.eventsOf(conference, 2);
            UUID ticketType = createTicketType(olivia, conference, 60);
            topic.eventsOf(conference, 3);
            String alice = attendeeToken("alice");
            Http.Response registered = register(alice, conference, ticketType, "Alice");
            UUID attendee = UUID.fromString(registered.json().get("id").asString());
            topic.eventsOf(conference, 4);
            String registration = "/conferences/" + conference + "/registrations/" + attendee;
            assertThat(http().post(registration + "/check-in", olivia, null).status()).isEqualTo(204);
            topic.eventsOf(conference, 5);
            // an organizer cancels: the published subject is the attendee's, not the canceller's
            assertThat(http().delete(registration, olivia).status()).isEqualTo(204);
            List<IntegrationEvent> events = topic.eventsOf(conference, 6);

            assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("ConferenceCreated",
                    "OrganizerAdded", "TicketTypeCreated", "AttendeeRegistered", "AttendeeCheckedIn",
                    "AttendeeCancelled");
            assertThat(events).extracting(IntegrationEvent::conferenceId).containsOnly(conference);
            assertThat(events.get(0)).isEqualTo(new ConferenceCreated(events.get(0).eventId(), conference,
                    events.get(0).occurredAt(), "PyCon US 2027", LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 22),
                    "America/Los_Angeles", "olivia"));
            assertThat(events.get(1)).isEqualTo(new OrganizerAdded(events.get(1).eventId(), conference,
                    events.get(1).occurredAt(), "oscar"));
            assertThat(events.get(2)).isEqualTo(new TicketTypeCreated(events.get(2).eventId(), conference,
                    events.get(2).occurredAt(), ticketType, "Individual", 40000, "USD", 60));
            assertThat(events.get(3)).isEqualTo(new AttendeeRegistered(events.get(3).eventId(), conference,
                    events.get(3).occurredAt(), attendee, "alice", "Alice", ticketType));
            assertThat(events.get(4)).isEqualTo(new AttendeeCheckedIn(events.get(4).eventId(), conference,
                    events.get(4).occurredAt(), attendee));
            assertThat(events.get(5)).isEqualTo(new AttendeeCancelled(events.get(5).eventId(), conference,
                    events.get(5).occurredAt(), attendee, "alice", AttendeeCancelled.Canceller.ORGANIZER));

            List<String> domainEvents = List.of("ConferenceCreated", "OrganizerAdded", "TicketTypeCreated",
                    "AttendeeRegistered", "AttendeeCheckedIn", "RegistrationCancelled");
            for (int i = 0; i < events.size(); i++) {
                IntegrationEvent published = events.get(i);
                Map<String, Object> stored = jdbc.sql("""
                                select payload_type, time_stamp from domain_event_entry where event_identifier = ?""")
                        .param(published.eventId().toString()).query().singleRow();
                assertThat((String) stored.get("payload_type")).as(published.toString())
                        .startsWith("io.lanyard.registration.").endsWith("." + domainEvents.get(i));
                assertThat(Instant.parse((String) stored.get("time_stamp"))).isEqualTo(published.occurredAt());
            }
        }
    }

    @Test
    void an_owners_cancellation_reaches_the_topic_as_cancelled_by_the_owner() {
        try (Topic topic = new Topic()) {
            String olivia = organizerToken("olivia");
            UUID conference = createConference(olivia);
            UUID ticketType = createTicketType(olivia, conference, 60);
            String bob = attendeeToken("bob");
            UUID attendee = UUID.fromString(register(bob, conference, ticketType, "Bob").json().get("id").asString());
            assertThat(http().delete("/conferences/" + conference + "/registrations/" + attendee, bob).status())
                    .isEqualTo(204);
            // the conference's and the registration's events travel through different publisher segments, so
            // they may reach the topic in another order than they were stored; the cancellation is found by type
            IntegrationEvent cancelled = topic.eventsOf(conference, 4).stream()
                    .filter(AttendeeCancelled.class::isInstance).findFirst().orElseThrow();

            assertThat(cancelled).isEqualTo(new AttendeeCancelled(cancelled.eventId(), conference,
                    cancelled.occurredAt(), attendee, "bob", AttendeeCancelled.Canceller.OWNER));
        }
    }

    /**
     * Reads the topic from the beginning as a consumer would; keeps each event once, in the order it came. A record
     * the codec cannot read back fails the wait.
     */
    private static final class Topic implements AutoCloseable {

        private final IntegrationEventCodec codec = new IntegrationEventCodec();
        private final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(EmbeddedInfrastructure.observing(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "registration-mapper-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new ByteArrayDeserializer());
        private final Map<UUID, Map<UUID, IntegrationEvent>> byConference = new LinkedHashMap<>();

        Topic() {
            consumer.subscribe(List.of(EventCatalogue.REGISTRATION_TOPIC));
        }

        /** Waits until the conference has at least {@code count} distinct events on the topic; returns them. */
        List<IntegrationEvent> eventsOf(UUID conference, int count) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    IntegrationEvent event = codec.decode(record.value());
                    byConference.computeIfAbsent(event.conferenceId(), c -> new LinkedHashMap<>())
                            .putIfAbsent(event.eventId(), event);
                }
                return byConference.getOrDefault(conference, Map.of()).size() >= count;
            });
            return new ArrayList<>(byConference.get(conference).values());
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
