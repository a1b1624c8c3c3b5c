package io.lanyard.notifications.webhook.read.webhooks;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.notifications.webhook.write.RegisteredWebhooks.RegisteredWebhook;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;

/** The conference's webhooks for its organizers; a disabled one (its receiver said 410 Gone) reads enabled: false. */
@RestController
class WebhookListController {

    /** Never the secret: it was shown once, at registration. */
    record WebhookBody(UUID id, URI url, List<String> events, boolean enabled) {

        static WebhookBody of(RegisteredWebhook webhook) {
            return new WebhookBody(webhook.webhookId(), webhook.url(), webhook.eventTypes(), webhook.enabled());
        }
    }

    private final Organizers organizers;
    private final WebhookView view;

    WebhookListController(Organizers organizers, WebhookView view) {
        this.organizers = organizers;
        this.view = view;
    }

    @GetMapping("/conferences/{conferenceId}/webhooks")
    List<WebhookBody> listWebhooks(@PathVariable UUID conferenceId, Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        return view.list(conferenceId).stream().map(WebhookBody::of).toList();
    }
}
