package io.lanyard.platform.messaging;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.registration.AttendeeErased;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parked record keeps its payload until an operator replays it, and so whatever personal data it carried. When an
 * attendee is erased, the parked records about them (their id as the record's {@code attendeeId}) lose their
 * personal values ({@link PersonalDataOnTheWire}), in the inbox transaction; the
 * rest of the record stays, so a replay still applies the fact, with the person's values erased as a record
 * published after the erasure would carry them. A record that is not JSON is kept as it is: nothing can tell what of
 * it is whose.
 */
class ScrubErasedDeadLetters implements IntegrationEventSubscriber {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ScrubErasedDeadLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.project(AttendeeErased.class, e -> scrub(e.attendeeId()));
    }

    private void scrub(UUID attendeeId) {
        record Parked(UUID id, byte[] payload) {
        }
        jdbc.sql("""
                        select id, payload from kafka_dead_letter
                        where payload is not null and position(convert_to(?, 'UTF8') in payload) > 0 for update""")
                .param(attendeeId.toString())
                .query((rs, n) -> new Parked(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .list()
                .forEach(parked -> scrubbed(parked.payload(), attendeeId).ifPresent(payload ->
                        jdbc.sql("update kafka_dead_letter set payload = ? where id = ?")
                                .params(payload, parked.id())
                                .update()));
    }

    private static Optional<byte[]> scrubbed(byte[] payload, UUID attendeeId) {
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (!(tree instanceof ObjectNode record) || !attendeeId.toString().equals(record.path("attendeeId").asString())
                || !PersonalDataOnTheWire.erase(record.path(IntegrationEventCodec.TYPE).asString(), record)) {
            return Optional.empty();
        }
        return Optional.of(JSON.writeValueAsBytes(record));
    }
}
