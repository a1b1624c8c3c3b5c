package io.lanyard.notifications.webhook.write;

import java.time.Instant;
import java.util.UUID;

public record WebhookDeleted(UUID webhookId, UUID conferenceId, String deletedBy, Instant deletedAt) {
}
