package io.lanyard.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.kernel.events.registration.ConferenceCreated;
import io.lanyard.kernel.events.registration.OrganizerAdded;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.KafkaAccess;

/**
 * Plays the part of another service on the shared embedded broker: publishes integration events (or raw bytes) in
 * exactly the wire format the platform writes, as the principal that owns the topic, so a consuming service can be
 * tested without its producer.
 */
public final class RegistrationFeed {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec();
    private static final Map<String, KafkaProducer<String, byte[]>> PRODUCERS = new HashMap<>();

    private RegistrationFeed() {
    }

    public static UUID conferenceCreated(String organizer) {
        UUID conferenceId = UUID.randomUUID();
        publish(new ConferenceCreated(UUID.randomUUID(), conferenceId, Instant.now(), "PyCon US 2027",
                LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 22), "America/Los_Angeles", organizer));
        return conferenceId;
    }

    public static void organizerAdded(UUID conferenceId, String subject) {
        publish(new OrganizerAdded(UUID.randomUUID(), conferenceId, Instant.now(), subject));
    }

    public static UUID attendeeRegistered(UUID conferenceId, String subject, String name) {
        UUID attendeeId = UUID.randomUUID();
        publish(new AttendeeRegistered(UUID.randomUUID(), conferenceId, Instant.now(), attendeeId, subject, name,
                UUID.randomUUID()));
        return attendeeId;
    }

    public static void attendeeCancelled(UUID conferenceId, UUID attendeeId, String subject) {
        publish(new AttendeeCancelled(UUID.randomUUID(), conferenceId, Instant.now(), attendeeId, subject));
    }

    public static void publish(IntegrationEvent event) {
        send(EventCatalogue.of(event.getClass()).topic(), event.conferenceId().toString(), CODEC.encode(event));
    }

    /** Sends arbitrary bytes, for poison-record tests, as the principal that owns the topic. */
    public static synchronized void send(String topic, String key, byte[] value) {
        String owner = KafkaAccess.ownerOf(topic).orElse("registration");
        KafkaProducer<String, byte[]> producer = PRODUCERS.computeIfAbsent(owner, principal -> {
            // each topic is written by its owner's principal, the only one its ACLs let write it
            Map<String, Object> config = EmbeddedInfrastructure.kafkaClient(principal);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            KafkaProducer<String, byte[]> created = new KafkaProducer<>(config, new StringSerializer(),
                    new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(2))));
            return created;
        });
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
