package io.lanyard.notifications.webhook.automation.whenfactpublished;

import java.util.UUID;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.platform.messaging.PersonalDataOnTheWire;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a delivery, as Standard Webhooks writes it: the event's catalogue type, when it happened, and its
 * fields as the integration event carries them on Kafka (times keep their offsets, as there). Also what of a body
 * is the attendee's own and goes when they are erased.
 */
public final class WebhookPayloads {

    /** A delivery's body and the attendee its event is about (null for facts about no one in particular). */
    record Payload(String body, UUID attendeeId) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private WebhookPayloads() {
    }

    static Payload of(IntegrationEvent event) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("type", EventCatalogue.of(event.getClass()).type());
        payload.put("timestamp", event.occurredAt().toString());
        JsonNode data = MAPPER.valueToTree(event);
        payload.set("data", data);
        JsonNode attendee = data.path("attendeeId");
        return new Payload(MAPPER.writeValueAsString(payload),
                attendee.isString() ? UUID.fromString(attendee.asString()) : null);
    }

    /**
     * The body with the attendee's own values ({@link PersonalDataOnTheWire}) replaced by {@code (erased)}; the
     * rest the same JSON, so a delivery still pending sends the scrubbed body, signed as any other.
     */
    public static String erased(String eventType, String body) {
        if (!PersonalDataOnTheWire.FIELDS.containsKey(eventType)) {
            return body;
        }
        JsonNode payload = MAPPER.readTree(body);
        if (!(payload.path("data") instanceof ObjectNode data) || !PersonalDataOnTheWire.erase(eventType, data)) {
            return body;
        }
        return MAPPER.writeValueAsString(payload);
    }
}
