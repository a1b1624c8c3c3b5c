package io.lanyard.notifications.webhook.write;

import java.time.Instant;
import java.util.UUID;

/** The receiver answered {@code statusCode} (410 Gone), so the webhook gets no more deliveries. */
public record WebhookDisabled(UUID webhookId, UUID conferenceId, int statusCode, Instant disabledAt) {
}
