package io.lanyard.notifications.webhook.write;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the write side and the deliveries must know of the webhooks: which a conference has, where they point, what
 * they want and whether they still want it. The webhook view answers it, in the command's transaction, so a webhook
 * is known right after it was registered; the write side names the question, so it does not depend on the view.
 */
public interface RegisteredWebhooks {

    record RegisteredWebhook(UUID webhookId, UUID conferenceId, URI url, List<String> eventTypes, String secret,
                             boolean enabled) {
    }

    /** The conference's webhook, enabled or not; empty when it has none by that id (or it was deleted). */
    Optional<RegisteredWebhook> registered(UUID conferenceId, UUID webhookId);

    Optional<RegisteredWebhook> registered(UUID webhookId);

    List<RegisteredWebhook> enabledFor(UUID conferenceId);
}
