package io.lanyard.sprints;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows put straight into the event store as an earlier version of the service wrote them: the payload's class under
 * the package it had then, {@code io.lanyard.sprints.sprint}, and the revision it had then ({@code null}: none).
 */
final class StoredHistory {

    static final String OLD_PACKAGE = "io.lanyard.sprints.sprint.";
    private static final String STORED_AT = "2027-05-11T10:00:00.5Z";

    private final JdbcClient jdbc;

    StoredHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void event(UUID sprint, long sequence, String payloadType, String revision, String payload) {
        jdbc.sql("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, 'Sprint', ?, ?, ?, ?, ?, ?)""")
                .params(sprint.toString(), sequence, UUID.randomUUID().toString(),
                        bytes("{\"traceId\":\"%1$s\",\"correlationId\":\"%1$s\"}".formatted(UUID.randomUUID())),
                        bytes(payload), revision, OLD_PACKAGE + payloadType, STORED_AT)
                .update();
    }

    void snapshot(UUID sprint, long sequence, String revision, String payload) {
        jdbc.sql("""
                        insert into snapshot_event_entry (aggregate_identifier, sequence_number, type,
                                                          event_identifier, meta_data, payload, payload_revision,
                                                          payload_type, time_stamp)
                        values (?, ?, 'Sprint', ?, ?, ?, ?, ?, ?)""")
                .params(sprint.toString(), sequence, UUID.randomUUID().toString(), bytes("{}"), bytes(payload),
                        revision, OLD_PACKAGE + "Sprint", STORED_AT)
                .update();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
