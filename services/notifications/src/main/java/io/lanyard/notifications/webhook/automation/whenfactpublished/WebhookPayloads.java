package io.lanyard.notifications.webhook.automation.whenfactpublished;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a delivery, as Standard Webhooks writes it: the event's catalogue type, when it happened, and its
 * fields as the integration event carries them on Kafka (times keep their offsets, as there).
 */
final class WebhookPayloads {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private WebhookPayloads() {
    }

    static String of(IntegrationEvent event) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("type", EventCatalogue.of(event.getClass()).type());
        payload.put("timestamp", event.occurredAt().toString());
        JsonNode data = MAPPER.valueToTree(event);
        payload.set("data", data);
        return MAPPER.writeValueAsString(payload);
    }
}
