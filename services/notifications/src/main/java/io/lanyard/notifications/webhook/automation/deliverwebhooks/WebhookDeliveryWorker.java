package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.lanyard.notifications.webhook.write.DeliveriesQueued;
import io.lanyard.notifications.webhook.write.ReceiverAddresses;
import io.lanyard.notifications.webhook.write.RegisteredWebhooks;
import io.lanyard.notifications.webhook.write.RegisteredWebhooks.RegisteredWebhook;
import io.lanyard.notifications.webhook.write.WebhookMessages;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.outbox.DeliveryQueue;
import io.lanyard.platform.outbox.DeliveryQueue.Claim;

/**
 * Works off the webhook outbox on this instance: every poll claims as many due deliveries as it has free sending
 * slots, and sends each on a slot of its own, outside any transaction, so a receiver that takes its 15 s holds one
 * slot and never the others' deliveries (the outbox gives each webhook one delivery in flight at a time). A finished
 * attempt claims again at once rather than at the next poll: the webhook it freed may have more waiting, and with
 * one delivery in flight per webhook a claim per poll interval would cap each receiver at one delivery a poll. So do
 * deliveries this instance has just queued ({@link DeliveriesQueued}). Nothing
 * is kept in memory that the database does not have: after a restart the pending deliveries are simply due, and a
 * claim this instance held when it died runs out and is taken again.
 */
class WebhookDeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

    private final WebhookOutbox outbox;
    private final RegisteredWebhooks webhooks;
    private final ReceiverAddresses addresses;
    private final WebhookSender sender;
    private final Commands commands;
    private final WebhookDeliveryMetrics metrics;
    private final Clock clock;
    private final DeliveriesQueued queued;
    private final Runnable claimWhenQueued = this::claimAgain;
    private final Duration pollInterval;
    private final int concurrency;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** A claim asked for by a finished attempt and not yet begun: finishing attempts share one. */
    private final AtomicBoolean claimAsked = new AtomicBoolean();
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService slots;

    WebhookDeliveryWorker(WebhookOutbox outbox, RegisteredWebhooks webhooks, ReceiverAddresses addresses,
                          WebhookSender sender, Commands commands, WebhookDeliveryMetrics metrics, Clock clock,
                          DeliveriesQueued queued, Duration pollInterval, int concurrency) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.addresses = addresses;
        this.sender = sender;
        this.commands = commands;
        this.metrics = metrics;
        this.clock = clock;
        this.queued = queued;
        this.pollInterval = pollInterval;
        this.concurrency = concurrency;
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        String owner = outbox.queue().owner();
        slots = Executors.newFixedThreadPool(concurrency,
                Thread.ofPlatform().name("webhook-delivery-", 0).daemon(true).factory());
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-poller-" + owner).daemon(true).factory());
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        queued.subscribe(claimWhenQueued);
    }

    /**
     * Stops claiming and waits a moment for the attempts in flight; one that outlasts the wait is abandoned, and its
     * claim runs out for another instance (or this one, started again) to take.
     */
    @Override
    public synchronized void stop() {
        if (poller == null) {
            return;
        }
        queued.unsubscribe(claimWhenQueued);
        poller.shutdownNow();
        slots.shutdown();
        try {
            if (!slots.awaitTermination(5, TimeUnit.SECONDS)) {
                slots.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slots.shutdownNow();
        }
        poller = null;
        slots = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    void poll() {
        ExecutorService sending = slots;
        if (sending == null) {
            return;
        }
        try {
            List<Claim> claims = outbox.queue().claimDue(concurrency - inFlight.get());
            for (Claim claim : claims) {
                inFlight.incrementAndGet();
                try {
                    sending.execute(() -> {
                        try {
                            deliver(claim);
                        } catch (RuntimeException e) {
                            // the claim runs out and the delivery is tried again; nothing is lost
                            log.warn("Delivery {} attempt {} could not be recorded: {}", claim.id(), claim.attempt(),
                                    e.toString());
                        } finally {
                            inFlight.decrementAndGet();
                            claimAgain();
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    // stopped between the claim and the send: the claim runs out for whoever polls next
                    inFlight.decrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not claim webhook deliveries: {}", e.toString());
        }
    }

    /** Claims again on the poller's thread (claims never run side by side), unless one is already asked for. */
    private void claimAgain() {
        ScheduledExecutorService current = poller;
        if (current == null || !claimAsked.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                claimAsked.set(false);
                poll();
            });
        } catch (RejectedExecutionException stopping) {
            claimAsked.set(false);
        }
    }

    void deliver(Claim claim) {
        Optional<WebhookOutbox.Delivery> found = outbox.delivery(claim.id());
        if (found.isEmpty()) {
            return;
        }
        WebhookOutbox.Delivery delivery = found.get();
        DeliveryQueue queue = outbox.queue();
        Optional<RegisteredWebhook> webhook = webhooks.registered(delivery.webhookId());
        if (webhook.isEmpty() || !webhook.get().enabled()) {
            queue.giveUp(claim, null, "not sent: the webhook is " + (webhook.isEmpty() ? "deleted" : "disabled"));
            metrics.outcome(WebhookDeliveryMetrics.FAILED);
            return;
        }
        try {
            addresses.check(webhook.get().url());
        } catch (ReceiverAddresses.RefusedReceiverException e) {
            failed(claim, null, "not sent: " + e.getMessage());
            return;
        }
        WebhookSender.Answer answer = sender.send(webhook.get().url(), webhook.get().secret(),
                delivery.eventId().toString(), delivery.payload());
        if (answer.delivered()) {
            if (queue.succeeded(claim, answer.statusCode())) {
                metrics.outcome(WebhookDeliveryMetrics.DELIVERED);
            }
        } else if (answer.gone()) {
            queue.giveUp(claim, answer.statusCode(), answer.error() + "; the webhook is disabled");
            metrics.outcome(WebhookDeliveryMetrics.FAILED);
            commands.send(new WebhookMessages.DisableWebhook(delivery.webhookId(), answer.statusCode(),
                    clock.instant()));
            log.info("Webhook {} disabled: its receiver answered 410 Gone", delivery.webhookId());
        } else {
            failed(claim, answer.statusCode(), answer.error());
        }
    }

    private void failed(Claim claim, Integer statusCode, String error) {
        switch (outbox.queue().failed(claim, statusCode, error)) {
            case RETRY -> metrics.outcome(WebhookDeliveryMetrics.RETRYING);
            case FAILED -> metrics.outcome(WebhookDeliveryMetrics.FAILED);
            case SUPERSEDED -> log.debug("Delivery {} was taken over while attempt {} ran", claim.id(),
                    claim.attempt());
        }
    }
}
