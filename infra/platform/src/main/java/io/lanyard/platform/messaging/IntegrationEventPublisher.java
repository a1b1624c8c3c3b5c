package io.lanyard.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.platform.axon.TraceHeaders;
import io.lanyard.platform.tracing.TraceContexts;
import io.micrometer.tracing.Span;

/**
 * Sends integration events with an idempotent, {@code acks=all} producer. Inside a unit of work the sends of a
 * whole processor batch go out together and the batch commits its token only when Kafka acknowledged every one;
 * a failure rolls the batch back so the processor retries it.
 */
public class IntegrationEventPublisher implements DisposableBean {

    public static final String EVENT_ID_HEADER = "lanyard-event-id";
    public static final String TYPE_HEADER = "lanyard-type";
    public static final String TRACEPARENT_HEADER = "traceparent";
    private static final String PENDING = IntegrationEventPublisher.class.getName() + ".pending";
    private static final Logger log = LoggerFactory.getLogger(IntegrationEventPublisher.class);

    private final KafkaBackboneProperties properties;
    private final IntegrationEventCodec codec;
    private final TraceContexts traces;
    private KafkaProducer<String, byte[]> producer;

    public IntegrationEventPublisher(KafkaBackboneProperties properties, IntegrationEventCodec codec) {
        this(properties, codec, TraceContexts.disabled());
    }

    public IntegrationEventPublisher(KafkaBackboneProperties properties, IntegrationEventCodec codec,
                                     TraceContexts traces) {
        this.properties = properties;
        this.codec = codec;
        this.traces = traces;
    }

    /** How a service's mapper makes its integration event from a domain event, given the facts every event carries. */
    @FunctionalInterface
    public interface Mapping {
        IntegrationEvent map(UUID eventId, Instant occurredAt);
    }

    /**
     * Publishes the integration event {@code mapping} makes of a domain event. The event id is the domain event's,
     * so a re-publish is recognisably the same fact downstream; the time is when the domain event happened; the
     * trace is the one of the command behind it ({@code traceparent} in the domain event's metadata).
     */
    public void publish(EventMessage<?> domainEvent, Mapping mapping) {
        IntegrationEvent event = mapping.map(UUID.fromString(domainEvent.getIdentifier()), domainEvent.getTimestamp());
        publish(keyOf(domainEvent, event), event, traceparent(domainEvent));
    }

    /**
     * The record key of an integration event made of a domain event: the aggregate that decided it. That keeps on
     * one partition, in order, exactly what the publishing processor keeps in order (one aggregate's events go
     * through one segment, one at a time); a conference's aggregates spread over the partitions, so its consumers
     * apply them in parallel. An event not made by an aggregate is keyed by its conference.
     */
    static String keyOf(EventMessage<?> domainEvent, IntegrationEvent event) {
        return domainEvent instanceof DomainEventMessage<?> decided && decided.getAggregateIdentifier() != null
                ? decided.getAggregateIdentifier()
                : event.conferenceId().toString();
    }

    /**
     * Publishes a second integration event made of a domain event that already has one, under its own key (a
     * compacted topic is keyed by what its records are about). Its event id is derived from the domain event's and
     * the type's, the same on every re-publish and distinct from the first event's, which consumers that read both
     * topics would otherwise take for a duplicate.
     */
    public void publishAlso(EventMessage<?> domainEvent, String key, Class<? extends IntegrationEvent> type,
                            Mapping mapping) {
        UUID eventId = UUID.nameUUIDFromBytes((EventCatalogue.of(type).type() + ":" + domainEvent.getIdentifier())
                .getBytes(StandardCharsets.UTF_8));
        publish(key, mapping.map(eventId, domainEvent.getTimestamp()), traceparent(domainEvent));
    }

    private static String traceparent(EventMessage<?> domainEvent) {
        Object traceparent = domainEvent.getMetaData().get(TraceHeaders.TRACEPARENT);
        return traceparent instanceof String trace ? trace : null;
    }

    /**
     * Publishes keyed by conference, for an event that no aggregate decided (see {@link #keyOf}).
     */
    public void publish(IntegrationEvent event, String traceparent) {
        publish(event.conferenceId().toString(), event, traceparent);
    }

    /**
     * Publishes under {@code key}: the records of one key keep their order. The event goes out in a producer span
     * that continues the trace of the command behind it; the record's {@code traceparent} header names that span,
     * so the consumer's span is its child.
     */
    public void publish(String key, IntegrationEvent event, String traceparent) {
        EventCatalogue.Entry entry = EventCatalogue.of(event.getClass());
        traces.inSpan("publish " + entry.type(), Span.Kind.PRODUCER, traceparent,
                Map.of("messaging.destination.name", entry.topic(), "lanyard.event.id", event.eventId().toString()),
                () -> {
                    send(key, event, entry, traces.current().orElse(traceparent));
                    return null;
                });
    }

    /**
     * Publishes a tombstone (a record with {@code key} and no value) on the compacted {@code topic}, made of a domain
     * event: compaction then removes every earlier record with that key, and consumers forget what they kept for
     * it. Sent by the publishing processor like every other record, so it follows the records it supersedes when
     * they were made of earlier events of the same aggregate (one segment, one producer, one partition per key),
     * and a Kafka outage delays it, never loses it. Its event id header is derived from the domain event's.
     */
    public void publishTombstone(EventMessage<?> domainEvent, String topic, String key) {
        UUID eventId = UUID.nameUUIDFromBytes(("tombstone:" + topic + ":" + domainEvent.getIdentifier())
                .getBytes(StandardCharsets.UTF_8));
        String traceparent = traceparent(domainEvent);
        traces.inSpan("publish tombstone", Span.Kind.PRODUCER, traceparent,
                Map.of("messaging.destination.name", topic, "lanyard.event.id", eventId.toString()),
                () -> {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, null);
                    send(record, eventId, null, traces.current().orElse(traceparent));
                    return null;
                });
    }

    private void send(String key, IntegrationEvent event, EventCatalogue.Entry entry, String traceparent) {
        send(new ProducerRecord<>(entry.topic(), key, codec.encode(event)), event.eventId(), entry.type(),
                traceparent);
    }

    private void send(ProducerRecord<String, byte[]> record, UUID eventId, String type, String traceparent) {
        record.headers().add(EVENT_ID_HEADER, eventId.toString().getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        if (traceparent != null) {
            record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        log.debug("Publishing {} {} to {}", type == null ? "tombstone" : type, eventId, record.topic());
        Future<RecordMetadata> sent = producer().send(record);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
            List<Future<RecordMetadata>> pending = unitOfWork.getOrComputeResource(PENDING, k -> {
                List<Future<RecordMetadata>> futures = new ArrayList<>();
                unitOfWork.onPrepareCommit(u -> awaitAll(futures));
                return futures;
            });
            pending.add(sent);
        } else {
            awaitAll(List.of(sent));
        }
    }

    private void awaitAll(List<Future<RecordMetadata>> futures) {
        long deadline = System.nanoTime() + properties.deliveryTimeout().plusSeconds(5).toNanos();
        try {
            for (Future<RecordMetadata> future : futures) {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            // A producer that timed out may hold stale idempotence state; start the retry with a fresh one.
            replaceProducer();
            throw new PublishFailedException("Kafka did not acknowledge the batch", e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            int timeoutMs = (int) properties.deliveryTimeout().toMillis();
            Map<String, Object> config = properties.connection();
            config.putAll(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 2,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.clamp(timeoutMs / 2, 500, 5_000),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs));
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private synchronized void replaceProducer() {
        if (producer != null) {
            log.warn("Kafka unreachable; replacing the producer, the event processor will retry from its token");
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Unchecked so the unit of work rolls back and the processor does not advance its token. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
