package io.lanyard.notifications.webhook.read.webhooks;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.notifications.webhook.write.RegisteredWebhooks;
import io.lanyard.notifications.webhook.write.WebhookDeleted;
import io.lanyard.notifications.webhook.write.WebhookDisabled;
import io.lanyard.notifications.webhook.write.WebhookRegistered;
import io.lanyard.platform.operations.ReadModelTables;

/**
 * The conferences' webhooks as organizers list them and as deliveries are fanned out to them, written in the
 * command's transaction. A deleted webhook leaves no row.
 */
@Component
@ProcessingGroup("webhook-view")
@ReadModelTables("webhook_view")
class WebhookView implements RegisteredWebhooks {

    private final JdbcClient jdbc;

    WebhookView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookRegistered event) {
        jdbc.sql("""
                        insert into webhook_view (webhook_id, conference_id, url, event_types, secret, enabled,
                                                  registered_at)
                        values (?, ?, ?, ?, ?, true, ?)""")
                .params(event.webhookId(), event.conferenceId(), event.url().toString(),
                        event.eventTypes().toArray(String[]::new), event.secret(),
                        Timestamp.from(event.registeredAt()))
                .update();
    }

    @EventHandler
    void on(WebhookDisabled event) {
        jdbc.sql("update webhook_view set enabled = false, disabled_at = ? where webhook_id = ?")
                .params(Timestamp.from(event.disabledAt()), event.webhookId())
                .update();
    }

    @EventHandler
    void on(WebhookDeleted event) {
        jdbc.sql("delete from webhook_view where webhook_id = ?").param(event.webhookId()).update();
    }

    /** The conference's webhooks, oldest first. */
    List<RegisteredWebhook> list(UUID conferenceId) {
        return jdbc.sql("select * from webhook_view where conference_id = ? order by registered_at, webhook_id")
                .param(conferenceId).query(WebhookView::webhook).list();
    }

    @Override
    public Optional<RegisteredWebhook> registered(UUID conferenceId, UUID webhookId) {
        return registered(webhookId).filter(webhook -> webhook.conferenceId().equals(conferenceId));
    }

    @Override
    public Optional<RegisteredWebhook> registered(UUID webhookId) {
        return jdbc.sql("select * from webhook_view where webhook_id = ?").param(webhookId)
                .query(WebhookView::webhook).optional();
    }

    @Override
    public List<RegisteredWebhook> enabledFor(UUID conferenceId) {
        return jdbc.sql("select * from webhook_view where conference_id = ? and enabled order by webhook_id")
                .param(conferenceId).query(WebhookView::webhook).list();
    }

    private static RegisteredWebhook webhook(ResultSet rs, int row) throws SQLException {
        return new RegisteredWebhook(rs.getObject("webhook_id", UUID.class), rs.getObject("conference_id", UUID.class),
                URI.create(rs.getString("url")), Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                rs.getString("secret"), rs.getBoolean("enabled"));
    }
}
