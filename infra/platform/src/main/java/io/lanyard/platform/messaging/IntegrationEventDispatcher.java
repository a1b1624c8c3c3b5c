package io.lanyard.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * Applies one integration event: inbox entry and every reaction in one transaction, retried a few times for
 * transient failures. What still fails is reported to the caller, which parks the record.
 */
class IntegrationEventDispatcher {

    private final Subscriptions subscriptions;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final RetryTemplate retry;

    IntegrationEventDispatcher(Subscriptions subscriptions, ProcessedEvents processed,
                               TransactionTemplate transactions, int attempts, Duration delay) {
        this.subscriptions = subscriptions;
        this.processed = processed;
        this.transactions = transactions;
        this.retry = new RetryTemplate(RetryPolicy.builder().maxRetries(Math.max(0, attempts - 1)).delay(delay).build());
    }

    boolean wanted(IntegrationEvent event) {
        return !subscriptions.reactionsTo(event).isEmpty();
    }

    void dispatch(IntegrationEvent event) throws RetryException {
        List<Consumer<IntegrationEvent>> reactions = subscriptions.reactionsTo(event);
        if (reactions.isEmpty()) {
            return;
        }
        retry.execute(() -> {
            transactions.executeWithoutResult(status -> {
                if (processed.firstDelivery(event.eventId())) {
                    reactions.forEach(reaction -> reaction.accept(event));
                }
            });
            return null;
        });
    }
}
