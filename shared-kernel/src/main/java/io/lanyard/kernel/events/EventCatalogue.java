package io.lanyard.kernel.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.lanyard.kernel.events.dinners.DinnerEvents;
import io.lanyard.kernel.events.registration.RegistrationEvents;
import io.lanyard.kernel.events.sprints.SprintEvents;
import io.lanyard.kernel.events.volunteering.VolunteeringEvents;


/**
 * Every integration event Lanyard publishes: its stable wire name, the schema version this build writes and
 * reads, and the topic it travels on. Renaming a Java class never changes the wire.
 */
public final class EventCatalogue {

    /** One entry; each producing service lists its own in {@code <Service>Events.ENTRIES}. */
    public record Entry(String type, int version, String topic, Class<? extends IntegrationEvent> javaType) {
    }

    public static final String REGISTRATION_TOPIC = "lanyard.registration.v1";
    /** Registration's second topic: attendees' e-mail addresses, which only notifications may read. */
    public static final String CONTACTS_TOPIC = "lanyard.registration.contacts.v1";
    public static final String VOLUNTEERING_TOPIC = "lanyard.volunteering.v1";
    public static final String DINNERS_TOPIC = "lanyard.dinners.v1";
    public static final String SPRINTS_TOPIC = "lanyard.sprints.v1";

    private static final List<Entry> ENTRIES = Stream.of(
                    RegistrationEvents.ENTRIES, VolunteeringEvents.ENTRIES, DinnerEvents.ENTRIES, SprintEvents.ENTRIES)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));
    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::javaType, Function.identity()));

    private EventCatalogue() {
    }

    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Entry of(Class<? extends IntegrationEvent> javaType) {
        Entry entry = BY_CLASS.get(javaType);
        if (entry == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not in the event catalogue");
        }
        return entry;
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }
}
