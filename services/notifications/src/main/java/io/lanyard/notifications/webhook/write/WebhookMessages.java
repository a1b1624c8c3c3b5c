package io.lanyard.notifications.webhook.write;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a webhook takes. */
public final class WebhookMessages {

    private WebhookMessages() {
    }

    record RegisterWebhook(@TargetAggregateIdentifier UUID webhookId, UUID conferenceId, URI url,
                           List<String> eventTypes, String secret, String registeredBy, Instant at) {
    }

    record DeleteWebhook(@TargetAggregateIdentifier UUID webhookId, UUID conferenceId, String deletedBy, Instant at) {
    }

    /** The receiver said {@code 410 Gone}: it wants nothing more, so nothing more is sent to it. */
    public record DisableWebhook(@TargetAggregateIdentifier UUID webhookId, int statusCode, Instant at) {
    }
}
