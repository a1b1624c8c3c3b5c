package io.lanyard.notifications.webhook.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.lanyard.platform.axon.AxonPlatformConfiguration;

/**
 * One webhook: registered for a conference, then deleted by an organizer or disabled by its receiver. Each webhook
 * is its own consistency boundary, since no rule spans two of them; its deliveries are not events of it (a
 * conference's busy day would make thousands) but rows of an outbox, which only need the webhook to be enabled.
 */
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER,
        cache = AxonPlatformConfiguration.AGGREGATE_CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Webhook {

    @AggregateIdentifier
    private UUID webhookId;
    private UUID conferenceId;
    private boolean enabled;
    private boolean deleted;

    Webhook() {
    }

    @CommandHandler
    Webhook(WebhookMessages.RegisterWebhook command) {
        apply(new WebhookRegistered(command.webhookId(), command.conferenceId(), command.url(),
                List.copyOf(command.eventTypes()), command.secret(), command.registeredBy(), command.at()));
    }

    /**
     * Deleting twice (two organizers at once) changes nothing the second time; a webhook is deleted only through its
     * own conference (the endpoint answered 404 for any other before it got here).
     */
    @CommandHandler
    void handle(WebhookMessages.DeleteWebhook command) {
        if (!deleted && conferenceId.equals(command.conferenceId())) {
            apply(new WebhookDeleted(webhookId, conferenceId, command.deletedBy(), command.at()));
        }
    }

    /** A receiver that said 410 twice (two deliveries in flight) is disabled once. */
    @CommandHandler
    void handle(WebhookMessages.DisableWebhook command) {
        if (enabled && !deleted) {
            apply(new WebhookDisabled(webhookId, conferenceId, command.statusCode(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        webhookId = event.webhookId();
        conferenceId = event.conferenceId();
        enabled = true;
    }

    @EventSourcingHandler
    void on(WebhookDeleted event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(WebhookDisabled event) {
        enabled = false;
    }
}
