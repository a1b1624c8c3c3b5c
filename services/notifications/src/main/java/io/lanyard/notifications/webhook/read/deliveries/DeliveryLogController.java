package io.lanyard.notifications.webhook.read.deliveries;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.notifications.webhook.write.RegisteredWebhooks;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

/**
 * A webhook's deliveries, newest first, read straight from the outbox the worker records its attempts in: what was
 * sent, how often, what the receiver last answered (or why nothing was sent) and when the next attempt is due.
 */
@RestController
class DeliveryLogController {

    /** The newest deliveries a log shows; a webhook's whole history would be one event per fact of the conference. */
    static final int LIMIT = 200;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryBody(UUID id, UUID eventId, String eventType, int attempts, String status,
                        Integer lastStatusCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                        Instant createdAt) {
    }

    private final Organizers organizers;
    private final RegisteredWebhooks webhooks;
    private final JdbcClient jdbc;

    DeliveryLogController(Organizers organizers, RegisteredWebhooks webhooks, JdbcClient jdbc) {
        this.organizers = organizers;
        this.webhooks = webhooks;
        this.jdbc = jdbc;
    }

    @GetMapping("/conferences/{conferenceId}/webhooks/{webhookId}/deliveries")
    List<DeliveryBody> listWebhookDeliveries(@PathVariable UUID conferenceId, @PathVariable UUID webhookId,
                                             Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        webhooks.registered(conferenceId, webhookId).orElseThrow(() -> new NotFoundException("webhook", webhookId));
        return jdbc.sql("""
                        select delivery_id, event_id, event_type, attempts, status, last_status_code, last_error,
                               last_attempt_at, next_attempt_at, created_at
                        from webhook_delivery where webhook_id = ?
                        order by created_at desc, delivery_id desc limit ?""")
                .params(webhookId, LIMIT)
                .query((rs, n) -> new DeliveryBody(rs.getObject("delivery_id", UUID.class),
                        rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getInt("attempts"),
                        rs.getString("status"), (Integer) rs.getObject("last_status_code"),
                        rs.getString("last_error"), instant(rs.getTimestamp("last_attempt_at")),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("created_at"))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
