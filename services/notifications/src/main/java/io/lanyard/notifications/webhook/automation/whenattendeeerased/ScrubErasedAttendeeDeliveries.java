package io.lanyard.notifications.webhook.automation.whenattendeeerased;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.notifications.webhook.automation.whenfactpublished.WebhookPayloads;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/**
 * When an attendee is erased, the bodies of the deliveries about them lose their name and subject (they read
 * {@code (erased)}), in the inbox transaction: a delivery still pending sends the scrubbed body, a delivered or
 * failed one keeps only ids in the log. The rows stay, so the delivery log and its counts do not change; what a
 * receiver was sent before is the integrator's to erase. Scrubbing twice changes nothing.
 */
@Component
class ScrubErasedAttendeeDeliveries implements IntegrationEventSubscriber {

    private final JdbcClient jdbc;

    ScrubErasedAttendeeDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.project(AttendeeErased.class, e -> scrub(e.attendeeId()));
    }

    private void scrub(UUID attendeeId) {
        record Delivery(UUID id, String eventType, String payload) {
        }
        jdbc.sql("select delivery_id, event_type, payload from webhook_delivery where attendee_id = ? for update")
                .param(attendeeId)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(delivery -> {
                    String scrubbed = WebhookPayloads.erased(delivery.eventType(), delivery.payload());
                    if (!scrubbed.equals(delivery.payload())) {
                        jdbc.sql("update webhook_delivery set payload = ? where delivery_id = ?")
                                .params(scrubbed, delivery.id())
                                .update();
                    }
                });
    }
}
