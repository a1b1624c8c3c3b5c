package io.lanyard.platform.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The inbox: which integration events already took effect in this service. */
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event as processed; false when it already was. Must run in the effect's transaction. */
    boolean firstDelivery(UUID eventId) {
        return jdbc.sql("insert into processed_integration_event (event_id) values (?) on conflict do nothing")
                .param(eventId)
                .update() == 1;
    }
}
