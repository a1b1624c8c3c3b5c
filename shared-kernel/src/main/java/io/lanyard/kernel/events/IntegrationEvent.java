package io.lanyard.kernel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service publishes for the others. Implementations are plain records; their wire name and
 * schema version live in {@link EventCatalogue}, never in the Java class name.
 */
public interface IntegrationEvent {

    UUID eventId();

    UUID conferenceId();

    Instant occurredAt();
}
