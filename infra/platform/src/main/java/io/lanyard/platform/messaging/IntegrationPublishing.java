package io.lanyard.platform.messaging;

/**
 * Each service maps its domain events to integration events in one {@code @ProcessingGroup(PROCESSING_GROUP)}
 * component; that group runs as a pooled streaming processor over the service's own event store, so the event
 * store stays the source of truth and publishing resumes from the processor's token after a Kafka outage.
 */
public final class IntegrationPublishing {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private IntegrationPublishing() {
    }
}
