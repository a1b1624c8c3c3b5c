package io.lanyard.notifications.webhook.write;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An organizer registers and deletes a conference's webhooks (the list and the delivery log answer in
 * {@code read}). Everything a registration can be refused for is checked here, before the command: the URL's form,
 * the event types, and where the URL's host resolves to.
 */
@RestController
class WebhookController {

    record NewWebhook(@NotBlank @Size(max = 2000) String url, @NotNull @Size(min = 1, max = 100) List<String> events) {
    }

    /** The secret is shown here and never again. */
    record Registered(UUID id, String secret) {
    }

    private final Organizers organizers;
    private final RegisteredWebhooks webhooks;
    private final ReceiverAddresses addresses;
    private final OfferedEventTypes eventTypes;
    private final WebhookSecrets secrets;
    private final Commands commands;
    private final IdGenerator ids;
    private final Clock clock;

    WebhookController(Organizers organizers, RegisteredWebhooks webhooks, ReceiverAddresses addresses,
                      OfferedEventTypes eventTypes, WebhookSecrets secrets, Commands commands, IdGenerator ids,
                      Clock clock) {
        this.organizers = organizers;
        this.webhooks = webhooks;
        this.addresses = addresses;
        this.eventTypes = eventTypes;
        this.secrets = secrets;
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping("/conferences/{conferenceId}/webhooks")
    ResponseEntity<Registered> registerWebhook(@PathVariable UUID conferenceId, @Valid @RequestBody NewWebhook body,
                                               Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        URI url = receiver(body.url());
        List<String> types = eventTypes.parse(body.events());
        UUID id = ids.generateId();
        String secret = secrets.next();
        commands.send(new WebhookMessages.RegisterWebhook(id, conferenceId, url, types, secret,
                caller.subject(), clock.instant()));
        return ResponseEntity.created(URI.create("/conferences/" + conferenceId + "/webhooks/" + id))
                .body(new Registered(id, secret));
    }

    @DeleteMapping("/conferences/{conferenceId}/webhooks/{webhookId}")
    ResponseEntity<Void> deleteWebhook(@PathVariable UUID conferenceId, @PathVariable UUID webhookId,
                                       Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        webhooks.registered(conferenceId, webhookId).orElseThrow(() -> new NotFoundException("webhook", webhookId));
        commands.send(new WebhookMessages.DeleteWebhook(webhookId, conferenceId, caller.subject(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    private URI receiver(String text) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidWebhookException("url", "is not a URL: " + e.getReason());
        }
        var malformed = ReceiverAddresses.malformed(url);
        if (malformed.isPresent()) {
            throw new InvalidWebhookException("url", malformed.get());
        }
        try {
            addresses.check(url);
        } catch (ReceiverAddresses.RefusedReceiverException e) {
            throw new InvalidWebhookException("url", e.getMessage());
        }
        return url;
    }
}
