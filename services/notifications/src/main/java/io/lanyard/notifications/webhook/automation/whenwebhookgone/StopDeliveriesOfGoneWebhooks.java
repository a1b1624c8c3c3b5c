package io.lanyard.notifications.webhook.automation.whenwebhookgone;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.notifications.webhook.write.WebhookDeleted;
import io.lanyard.notifications.webhook.write.WebhookDisabled;

/**
 * A webhook that is gone gets nothing more: a disabled one's pending deliveries fail (and stay in its log, which
 * shows why), a deleted one's log goes with it. In the command's transaction, so the worker never claims one after.
 */
@Component
@ProcessingGroup("webhook-deliveries")
class StopDeliveriesOfGoneWebhooks {

    private final JdbcClient jdbc;

    StopDeliveriesOfGoneWebhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookDisabled event) {
        jdbc.sql("""
                        update webhook_delivery set status = 'FAILED', next_attempt_at = null, last_error = ?
                        where webhook_id = ? and status = 'PENDING'""")
                .params("not sent: the webhook was disabled when its receiver answered " + event.statusCode(),
                        event.webhookId())
                .update();
    }

    @EventHandler
    void on(WebhookDeleted event) {
        jdbc.sql("delete from webhook_delivery where webhook_id = ?").param(event.webhookId()).update();
    }
}
