package io.lanyard.notifications.webhook.write;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells this instance's delivery workers that deliveries were queued, once the transaction that queued them has
 * committed, so the first delivery of a quiet webhook goes out at once rather than at the next poll. Other
 * instances still find them by polling; nothing depends on this signal but how soon a delivery leaves.
 */
@Component
public class DeliveriesQueued {

    private final List<Runnable> workers = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable worker) {
        workers.add(worker);
    }

    public void unsubscribe(Runnable worker) {
        workers.remove(worker);
    }

    /** Deliveries were written in the current transaction (if any): the workers hear of it after its commit. */
    public void queued() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            workers.forEach(Runnable::run);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                workers.forEach(Runnable::run);
            }
        });
    }
}
