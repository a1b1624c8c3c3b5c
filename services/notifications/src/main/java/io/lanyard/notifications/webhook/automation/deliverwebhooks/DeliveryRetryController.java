package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.notifications.webhook.write.RegisteredWebhooks;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

/**
 * An organizer asks for a delivery to be tried again now (a receiver that was down is back): accepted, and sent by
 * the next poll of whichever instance claims it. A failed delivery gets one attempt more.
 */
@RestController
class DeliveryRetryController {

    private final Organizers organizers;
    private final RegisteredWebhooks webhooks;
    private final WebhookOutbox outbox;

    DeliveryRetryController(Organizers organizers, RegisteredWebhooks webhooks, WebhookOutbox outbox) {
        this.organizers = organizers;
        this.webhooks = webhooks;
        this.outbox = outbox;
    }

    @PostMapping("/conferences/{conferenceId}/webhooks/{webhookId}/deliveries/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void retryWebhookDelivery(@PathVariable UUID conferenceId, @PathVariable UUID webhookId,
                              @PathVariable UUID deliveryId, Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        webhooks.registered(conferenceId, webhookId).orElseThrow(() -> new NotFoundException("webhook", webhookId));
        if (!outbox.has(webhookId, deliveryId) || !outbox.queue().retryNow(deliveryId)) {
            throw new NotFoundException("delivery", deliveryId);
        }
    }
}
