package io.lanyard.platform.axon;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.Ordered;

/**
 * Reads events and snapshots stored under a class name that has since moved (a package was reorganised) as the class
 * it is now. The event store keeps every payload's fully qualified class name, so a move without this would leave
 * history unreadable. Declared as a bean by a service with the names it moved (old to new); it runs before every
 * other upcaster, so those match the current names only.
 */
public class MovedTypes extends SingleEventUpcaster implements Ordered {

    private final Map<String, String> renamed;

    public MovedTypes(Map<String, String> renamed) {
        this.renamed = Map.copyOf(renamed);
    }

    /** The classes that were stored as {@code oldPackage.<their simple name>}. */
    public static MovedTypes of(String oldPackage, Class<?>... moved) {
        return new MovedTypes(Map.of()).and(oldPackage, moved);
    }

    /** These, and the classes that were stored as {@code oldPackage.<their simple name>}. */
    public MovedTypes and(String oldPackage, Class<?>... moved) {
        Map<String, String> more = new HashMap<>(renamed);
        for (Class<?> type : moved) {
            more.put(oldPackage + "." + type.getSimpleName(), type.getName());
        }
        return new MovedTypes(more);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return renamed.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SimpleSerializedType now = new SimpleSerializedType(renamed.get(representation.getType().getName()),
                representation.getType().getRevision());
        return representation.upcastPayload(now, contentType(representation), payload -> payload);
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> contentType(IntermediateEventRepresentation representation) {
        return (Class<Object>) representation.getContentType();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
