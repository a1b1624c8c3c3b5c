package io.lanyard.platform.messaging;

/**
 * A component that reacts to other services' integration events. Each reaction runs in one transaction with the
 * record of the event having been processed, so a redelivered record changes nothing.
 */
public interface IntegrationEventSubscriber {

    void subscribe(Subscriptions subscriptions);
}
