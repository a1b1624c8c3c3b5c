package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.outbox.DeliveryQueue;

/**
 * The {@code webhook_delivery} table as a {@link DeliveryQueue}: deliveries of one webhook are its lane, so each
 * receiver has at most one delivery in flight, whichever instance sends it.
 */
class WebhookOutbox {

    static final DeliveryQueue.Table TABLE =
            new DeliveryQueue.Table("webhook_delivery", "delivery_id", "webhook_id", "DELIVERED");

    /** What a claimed delivery sends. */
    record Delivery(UUID deliveryId, UUID webhookId, UUID conferenceId, UUID eventId, String eventType,
                    String payload) {
    }

    private final DeliveryQueue queue;
    private final JdbcClient jdbc;

    WebhookOutbox(DeliveryQueue queue, JdbcClient jdbc) {
        this.queue = queue;
        this.jdbc = jdbc;
    }

    DeliveryQueue queue() {
        return queue;
    }

    Optional<Delivery> delivery(UUID deliveryId) {
        return jdbc.sql("""
                        select delivery_id, webhook_id, conference_id, event_id, event_type, payload
                        from webhook_delivery where delivery_id = ?""")
                .param(deliveryId)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** Whether the webhook has that delivery (for the organizer's retry). */
    boolean has(UUID webhookId, UUID deliveryId) {
        return jdbc.sql("select count(*) from webhook_delivery where delivery_id = ? and webhook_id = ?")
                .params(deliveryId, webhookId).query(Long.class).single() > 0;
    }

    long disabledWebhooks() {
        return jdbc.sql("select count(*) from webhook_view where not enabled").query(Long.class).single();
    }
}
