package io.lanyard.platform.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.lanyard.kernel.events.IntegrationEvent;

/** Which reactions run for which integration event type. */
public class Subscriptions {

    private final Map<Class<?>, List<Consumer<IntegrationEvent>>> reactions = new HashMap<>();

    Subscriptions(List<IntegrationEventSubscriber> subscribers) {
        subscribers.forEach(subscriber -> subscriber.subscribe(this));
    }

    @SuppressWarnings("unchecked")
    public <E extends IntegrationEvent> Subscriptions on(Class<E> type, Consumer<? super E> reaction) {
        reactions.computeIfAbsent(type, t -> new ArrayList<>()).add(event -> reaction.accept((E) event));
        return this;
    }

    List<Consumer<IntegrationEvent>> reactionsTo(IntegrationEvent event) {
        return reactions.getOrDefault(event.getClass(), List.of());
    }
}
