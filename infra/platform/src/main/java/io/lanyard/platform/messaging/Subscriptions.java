package io.lanyard.platform.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * Which reactions run for which integration event type. A reaction registered with {@link #on} may send commands
 * and take locks, so its event is applied in a transaction of its own; one registered with {@link #project} only
 * writes this service's own tables, so a run of events that only projections react to may share one transaction.
 */
public class Subscriptions {

    private final Map<Class<?>, List<Consumer<IntegrationEvent>>> reactions = new HashMap<>();
    private final Set<Class<?>> reactedToWithCommands = new HashSet<>();
    private final Map<String, List<Consumer<String>>> tombstoneReactions = new HashMap<>();

    Subscriptions(List<IntegrationEventSubscriber> subscribers) {
        subscribers.forEach(subscriber -> subscriber.subscribe(this));
    }

    /** A reaction that may send commands (and so lock aggregates until its transaction ends). */
    public <E extends IntegrationEvent> Subscriptions on(Class<E> type, Consumer<? super E> reaction) {
        reactedToWithCommands.add(type);
        return add(type, reaction);
    }

    /** A reaction that writes only this service's own tables: no command, no lock. */
    public <E extends IntegrationEvent> Subscriptions project(Class<E> type, Consumer<? super E> reaction) {
        return add(type, reaction);
    }

    /**
     * A reaction to a tombstone on a compacted topic (a record with a key and no value): whatever this service kept
     * for that key goes. It writes only this service's own tables and must change nothing when run twice, since a
     * tombstone has no event id for the inbox to remember. A topic without one parks its tombstones as malformed.
     */
    public Subscriptions onTombstone(String topic, Consumer<String> reaction) {
        tombstoneReactions.computeIfAbsent(topic, t -> new ArrayList<>()).add(reaction);
        return this;
    }

    @SuppressWarnings("unchecked")
    private <E extends IntegrationEvent> Subscriptions add(Class<E> type, Consumer<? super E> reaction) {
        reactions.computeIfAbsent(type, t -> new ArrayList<>()).add(event -> reaction.accept((E) event));
        return this;
    }

    List<Consumer<IntegrationEvent>> reactionsTo(IntegrationEvent event) {
        return reactions.getOrDefault(event.getClass(), List.of());
    }

    List<Consumer<String>> tombstoneReactionsOn(String topic) {
        return tombstoneReactions.getOrDefault(topic, List.of());
    }

    boolean onlyProjectionsReactTo(IntegrationEvent event) {
        return !reactedToWithCommands.contains(event.getClass());
    }
}
