package io.lanyard.platform.messaging;

import java.util.List;
import java.util.Map;

import io.lanyard.platform.personaldata.PersonalFields;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which fields of the integration events hold the data of the attendee an event is about (its {@code attendeeId}):
 * the copies a service keeps of such records (webhook bodies, dead letters) lose them when that attendee is erased.
 * Everything else on the topics is ids, times, counts, statuses, or the names of conferences, ticket types,
 * dinners, shifts and sprints, and organizers' subjects (organizers are not erased as attendees);
 * {@code PersonalDataOnTheWireTest} keeps the list complete.
 */
public final class PersonalDataOnTheWire {

    /** By catalogue type. */
    public static final Map<String, List<String>> FIELDS = Map.of(
            "registration.attendee-registered", List.of("subject", "name"),
            "registration.attendee-cancelled", List.of("subject"),
            "registration.attendee-contact-given", List.of("email"));

    private PersonalDataOnTheWire() {
    }

    /**
     * Replaces the attendee's own values in an event's fields by {@link PersonalFields#ERASED}, in place.
     *
     * @return whether anything changed
     */
    public static boolean erase(String type, ObjectNode fields) {
        boolean changed = false;
        for (String field : FIELDS.getOrDefault(type, List.of())) {
            if (fields.hasNonNull(field) && !PersonalFields.ERASED.equals(fields.get(field).asString())) {
                fields.put(field, PersonalFields.ERASED);
                changed = true;
            }
        }
        return changed;
    }
}
