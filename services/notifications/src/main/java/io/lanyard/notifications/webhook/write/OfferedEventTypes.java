package io.lanyard.notifications.webhook.write;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which event types a webhook may subscribe to, or all of them ({@code *}). The integration contracts' catalogue
 * answers it at the edge that speaks them; the write side names the question.
 */
public interface OfferedEventTypes {

    String ALL = "*";

    boolean isOffered(String type);

    /** The types as the webhook keeps them, each once; the first one not offered is refused. */
    default List<String> parse(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidWebhookException("events", "name at least one event type, or \"*\" for all");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !(type.equals(ALL) || isOffered(type))) {
                throw new InvalidWebhookException("events", "unknown event type " + type
                        + "; the types are those of docs/event-catalogue.md, or \"*\"");
            }
            types.add(type);
        }
        if (types.contains(ALL) && types.size() > 1) {
            throw new InvalidWebhookException("events", "\"*\" already names every event type; name it alone");
        }
        return List.copyOf(types);
    }
}
