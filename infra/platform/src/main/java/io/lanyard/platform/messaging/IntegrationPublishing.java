package io.lanyard.platform.messaging;

import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;

/**
 * Each service maps its domain events to integration events in one {@code @ProcessingGroup(PROCESSING_GROUP)}
 * component; that group runs as a pooled streaming processor over the service's own event store, so the event
 * store stays the source of truth and publishing resumes from the processor's token after a Kafka outage.
 */
public final class IntegrationPublishing {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private IntegrationPublishing() {
    }

    /** An integration event carries its domain event's id, so a re-publish is recognisably the same fact. */
    public static UUID eventId(EventMessage<?> domainEvent) {
        return UUID.fromString(domainEvent.getIdentifier());
    }
}
