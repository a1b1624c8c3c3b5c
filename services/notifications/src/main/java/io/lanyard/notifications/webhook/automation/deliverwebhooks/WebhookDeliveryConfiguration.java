package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

import io.lanyard.notifications.NotificationsApplication;
import io.lanyard.notifications.webhook.write.DeliveriesQueued;
import io.lanyard.notifications.webhook.write.ReceiverAddresses;
import io.lanyard.notifications.webhook.write.RegisteredWebhooks;
import io.lanyard.notifications.webhook.write.WebhooksProperties;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.outbox.DeliveryQueue;
import io.lanyard.platform.outbox.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class WebhookDeliveryConfiguration {

    /** Claims are this context's own: a second context in the same JVM, or a restarted one, is another owner. */
    @Bean
    WebhookOutbox webhookOutbox(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, IdGenerator ids,
                                WebhooksProperties properties) {
        return new WebhookOutbox(new DeliveryQueue(WebhookOutbox.TABLE, jdbc, transactions, clock,
                new RetrySchedule(properties.retryPauses()), properties.lease(),
                NotificationsApplication.NAME + "/" + ids.generateId()), jdbc);
    }

    @Bean
    WebhookDeliveryMetrics webhookDeliveryMetrics(MeterRegistry registry, WebhookOutbox outbox) {
        return new WebhookDeliveryMetrics(registry, outbox);
    }

    @Bean
    WebhooksHealthIndicator webhooksHealthIndicator(WebhookOutbox outbox) {
        return new WebhooksHealthIndicator(outbox);
    }

    @Bean
    WebhookSender webhookSender(WebhooksProperties properties, Clock clock) {
        return new WebhookSender(properties.timeout(), clock);
    }

    @Bean
    WebhookDeliveryWorker webhookDeliveryWorker(WebhookOutbox outbox, RegisteredWebhooks webhooks,
                                                ReceiverAddresses addresses, WebhookSender sender, Commands commands,
                                                WebhookDeliveryMetrics metrics, Clock clock, DeliveriesQueued queued,
                                                WebhooksProperties properties) {
        return new WebhookDeliveryWorker(outbox, webhooks, addresses, sender, commands, metrics, clock, queued,
                properties.pollInterval(), properties.concurrency());
    }
}
