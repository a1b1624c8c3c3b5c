package io.lanyard.notifications.webhook.write;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The secret is part of the fact: the event store is the one source every view of the webhook is rebuilt from, and
 * the deliveries are signed with it (how it is kept at rest: the service's README).
 */
public record WebhookRegistered(UUID webhookId, UUID conferenceId, URI url, List<String> eventTypes, String secret,
                                String registeredBy, Instant registeredAt) {
}
