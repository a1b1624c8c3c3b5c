package io.lanyard.notifications.webhook.automation.whenfactpublished;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.notifications.webhook.write.DeliveriesQueued;
import io.lanyard.notifications.webhook.write.RegisteredWebhooks;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/**
 * The outbox's writer: for each fact of the four topics, one delivery per enabled webhook of its conference that
 * wants its type, written in the transaction that records the fact as processed. A redelivered record is skipped by
 * the platform, and one delivery per webhook and event is all the table takes, so nothing is queued twice.
 */
@Component
class QueueWebhookDeliveries implements IntegrationEventSubscriber {

    private final RegisteredWebhooks webhooks;
    private final CatalogueEventTypes types;
    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final Clock clock;
    private final DeliveriesQueued queued;

    QueueWebhookDeliveries(RegisteredWebhooks webhooks, CatalogueEventTypes types, JdbcClient jdbc, IdGenerator ids,
                           Clock clock, DeliveriesQueued queued) {
        this.webhooks = webhooks;
        this.types = types;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.queued = queued;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        EventCatalogue.entries().stream()
                .filter(entry -> types.isOffered(entry.type()))
                .forEach(entry -> subscriptions.project(entry.javaType(), this::queue));
    }

    void queue(IntegrationEvent event) {
        String type = EventCatalogue.of(event.getClass()).type();
        WebhookPayloads.Payload payload = null;
        int written = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (RegisteredWebhooks.RegisteredWebhook webhook : webhooks.enabledFor(event.conferenceId())) {
            if (!types.wants(webhook.eventTypes(), type)) {
                continue;
            }
            payload = payload == null ? WebhookPayloads.of(event) : payload;
            written += jdbc.sql("""
                            insert into webhook_delivery (delivery_id, webhook_id, conference_id, event_id, event_type,
                                                          payload, attendee_id, status, attempts, created_at,
                                                          next_attempt_at)
                            values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                            on conflict (webhook_id, event_id) do nothing""")
                    .params(ids.generateId(), webhook.webhookId(), event.conferenceId(), event.eventId(), type,
                            payload.body(), payload.attendeeId(), now, now)
                    .update();
        }
        if (written > 0) {
            queued.queued();
        }
    }
}
