package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The operator's view of the outbox in {@code /actuator/health} (details for the {@code OPERATOR} role): how much is
 * waiting, for how long, and how many webhooks their receivers turned off. Always up: a receiver that is down or gone
 * is the integrator's trouble, not a reason to take this service out of rotation, so it is not part of readiness.
 */
class WebhooksHealthIndicator implements HealthIndicator {

    private final WebhookOutbox outbox;

    WebhooksHealthIndicator(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("pendingDeliveries", outbox.queue().depth())
                .withDetail("oldestPendingSeconds", outbox.queue().oldestPendingAge().toSeconds())
                .withDetail("disabledWebhooks", outbox.disabledWebhooks())
                .build();
    }
}
