package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * What an operator watches: attempts by outcome ({@code lanyard.webhooks.deliveries}, tag {@code outcome}), the
 * deliveries waiting and how long the oldest has waited (a receiver down, or workers that stopped), and the webhooks
 * disabled by their receivers' 410, which no one is told about otherwise.
 */
class WebhookDeliveryMetrics {

    static final String DELIVERED = "delivered";
    static final String RETRYING = "retrying";
    static final String FAILED = "failed";

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryMetrics.class);

    private final MeterRegistry registry;

    WebhookDeliveryMetrics(MeterRegistry registry, WebhookOutbox outbox) {
        this.registry = registry;
        for (String outcome : new String[] {DELIVERED, RETRYING, FAILED}) {
            counter(outcome);
        }
        Gauge.builder("lanyard.webhooks.queue.depth", outbox, guarded(o -> o.queue().depth()))
                .description("webhook deliveries waiting to be sent").register(registry);
        TimeGauge.builder("lanyard.webhooks.queue.oldest.age", outbox, TimeUnit.SECONDS,
                        guarded(o -> o.queue().oldestPendingAge().toMillis() / 1000.0))
                .description("how long the oldest webhook delivery still to be sent has waited").register(registry);
        Gauge.builder("lanyard.webhooks.disabled", outbox, guarded(WebhookOutbox::disabledWebhooks))
                .description("webhooks disabled because their receiver answered 410 Gone").register(registry);
    }

    void outcome(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("lanyard.webhooks.deliveries").tag("outcome", outcome)
                .description("webhook delivery attempts by outcome").register(registry);
    }

    /** A scrape while the database is away reads no value, rather than failing the whole scrape. */
    private static ToDoubleFunction<WebhookOutbox> guarded(ToDoubleFunction<WebhookOutbox> reading) {
        return outbox -> {
            try {
                return reading.applyAsDouble(outbox);
            } catch (RuntimeException e) {
                log.debug("Webhook gauge not read: {}", e.toString());
                return Double.NaN;
            }
        };
    }
}
