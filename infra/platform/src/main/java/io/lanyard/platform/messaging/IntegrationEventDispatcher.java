package io.lanyard.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * Applies one integration event: inbox entry and every reaction in one transaction, retried a few times for
 * transient failures. What still fails is reported to the caller, which parks the record.
 * <p>
 * The transaction belongs to a root Axon unit of work, so commands a reaction sends run as nested units of work:
 * their aggregates stay locked until the whole transaction has committed, and no other command sees state that
 * might still roll back.
 */
class IntegrationEventDispatcher {

    private final Subscriptions subscriptions;
    private final ProcessedEvents processed;
    private final TransactionManager transactions;
    private final RetryTemplate retry;

    IntegrationEventDispatcher(Subscriptions subscriptions, ProcessedEvents processed,
                               TransactionManager transactions, int attempts, Duration delay) {
        this.subscriptions = subscriptions;
        this.processed = processed;
        this.transactions = transactions;
        this.retry = new RetryTemplate(RetryPolicy.builder().maxRetries(Math.max(0, attempts - 1)).delay(delay).build());
    }

    boolean wanted(IntegrationEvent event) {
        return !subscriptions.reactionsTo(event).isEmpty();
    }

    /** Whether the event may share a transaction with others ({@link #dispatchTogether}). */
    boolean projectedOnly(IntegrationEvent event) {
        return subscriptions.onlyProjectionsReactTo(event);
    }

    /** One event to apply in a shared transaction, and what to wrap its reactions in (its consumer span). */
    record Delivery(IntegrationEvent event, Consumer<Runnable> around) {
    }

    /**
     * Applies events that only projections react to, inbox entries included, in one transaction: all or none.
     * Nothing is retried here: on failure the caller applies them one by one, so that only a failing one is parked.
     *
     * @return whether they took effect
     */
    boolean dispatchTogether(List<Delivery> deliveries) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericEventMessage.asEventMessage(deliveries.getFirst().event()));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            for (Delivery delivery : deliveries) {
                IntegrationEvent event = delivery.event();
                List<Consumer<IntegrationEvent>> reactions = subscriptions.reactionsTo(event);
                delivery.around().accept(() -> {
                    if (!reactions.isEmpty() && processed.firstDelivery(event.eventId())) {
                        reactions.forEach(reaction -> reaction.accept(event));
                    }
                });
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        return !result.isExceptional();
    }

    /** Whether this service reacts to tombstones on {@code topic} ({@link Subscriptions#onTombstone}). */
    boolean takesTombstonesOn(String topic) {
        return !subscriptions.tombstoneReactionsOn(topic).isEmpty();
    }

    /**
     * Applies a tombstone's reactions in one transaction, retried like an event's. There is no inbox entry: the
     * reactions change nothing when run again.
     */
    void dispatchTombstone(String topic, String key) throws RetryException {
        List<Consumer<String>> reactions = subscriptions.tombstoneReactionsOn(topic);
        retry.execute(() -> {
            transactions.executeInTransaction(() -> reactions.forEach(reaction -> reaction.accept(key)));
            return null;
        });
    }

    void dispatch(IntegrationEvent event) throws RetryException {
        List<Consumer<IntegrationEvent>> reactions = subscriptions.reactionsTo(event);
        if (reactions.isEmpty()) {
            return;
        }
        retry.execute(() -> {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event));
            unitOfWork.attachTransaction(transactions);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                if (processed.firstDelivery(event.eventId())) {
                    reactions.forEach(reaction -> reaction.accept(event));
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw result.exceptionResult();
            }
            return null;
        });
    }
}
