package io.lanyard.platform.messaging;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of integration events: the record's JSON with its catalogue {@code type} and
 * {@code schemaVersion} beside the fields, so a record explains itself without Kafka headers.
 */
public class IntegrationEventCodec {

    static final String TYPE = "type";
    static final String SCHEMA_VERSION = "schemaVersion";

    private final JsonMapper mapper = JsonMapper.builder()
            // a shift at 17:00-07:00 stays at 17:00-07:00 for every consumer, not 00:00Z the next day
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] encode(IntegrationEvent event) {
        EventCatalogue.Entry entry = EventCatalogue.of(event.getClass());
        ObjectNode node = mapper.valueToTree(event);
        node.put(TYPE, entry.type());
        node.put(SCHEMA_VERSION, entry.version());
        return mapper.writeValueAsBytes(node);
    }

    public IntegrationEvent decode(byte[] value) throws UndecodableRecordException {
        return decode(null, value);
    }

    /**
     * Decodes a record read from {@code topic}, refusing a type that belongs on another topic: the ACLs let only a
     * topic's owner write it, so such a record was forged with the owner's credentials or misrouted by a broken
     * producer, and must not take effect (nor on replay).
     */
    public IntegrationEvent decode(String topic, byte[] value) throws UndecodableRecordException {
        if (value == null) {
            throw new UndecodableRecordException(ParkingReason.MALFORMED, "record has no value");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(value);
        } catch (JacksonException e) {
            throw new UndecodableRecordException(ParkingReason.MALFORMED, "not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode node) || !node.path(TYPE).isString() || !node.path(SCHEMA_VERSION).isInt()) {
            throw new UndecodableRecordException(ParkingReason.MALFORMED, "no type or schemaVersion");
        }
        String type = node.get(TYPE).asString();
        int version = node.get(SCHEMA_VERSION).asInt();
        EventCatalogue.Entry entry = EventCatalogue.byType(type)
                .orElseThrow(() -> new UndecodableRecordException(ParkingReason.UNKNOWN_TYPE, "unknown type " + type));
        if (topic != null && !entry.topic().equals(topic)) {
            throw new UndecodableRecordException(ParkingReason.FOREIGN_TYPE,
                    type + " belongs on " + entry.topic() + ", not on " + topic);
        }
        if (version > entry.version()) {
            throw new UndecodableRecordException(ParkingReason.FUTURE_VERSION,
                    type + " version " + version + " is newer than the " + entry.version() + " this build reads");
        }
        node.remove(TYPE);
        node.remove(SCHEMA_VERSION);
        IntegrationEvent event;
        try {
            event = mapper.treeToValue(node, entry.javaType());
        } catch (JacksonException e) {
            throw new UndecodableRecordException(ParkingReason.MALFORMED, type + ": " + e.getOriginalMessage());
        }
        if (event.eventId() == null || event.conferenceId() == null || event.occurredAt() == null) {
            throw new UndecodableRecordException(ParkingReason.MALFORMED, type + " lacks eventId, conferenceId or occurredAt");
        }
        return event;
    }
}
