package io.lanyard.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.platform.personaldata.PersonalFields;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PersonalDataOnTheWireTest {

    /** Text on the topics that is not an attendee's: things' names, and organizers' subjects. */
    private static final Set<String> NOT_PERSONAL = Set.of(
            "registration.conference-created.name", "registration.ticket-type-created.name",
            "dinners.ticket-held.dinnerName", "dinners.ticket-waitlisted.dinnerName",
            "registration.conference-created.organizerSubject", "registration.organizer-added.subject");
    private static final List<String> PERSONAL_WORDS = List.of("name", "mail", "subject", "dietary", "phone",
            "address");

    @Test
    void every_field_of_an_integration_event_that_may_hold_a_persons_data_is_listed_or_said_not_to() {
        List<String> undecided = new ArrayList<>();
        for (EventCatalogue.Entry entry : EventCatalogue.entries()) {
            for (RecordComponent component : entry.javaType().getRecordComponents()) {
                String field = entry.type() + "." + component.getName();
                String lower = component.getName().toLowerCase(Locale.ROOT);
                boolean listed = PersonalDataOnTheWire.FIELDS.getOrDefault(entry.type(), List.of())
                        .contains(component.getName());
                if (PERSONAL_WORDS.stream().anyMatch(lower::contains) && !listed && !NOT_PERSONAL.contains(field)) {
                    undecided.add(field);
                }
            }
        }
        assertThat(undecided).as("list them in PersonalDataOnTheWire.FIELDS, or here as not personal").isEmpty();
        assertThat(PersonalDataOnTheWire.FIELDS.keySet()).allMatch(type -> EventCatalogue.byType(type).isPresent());
    }

    @Test
    void erasing_replaces_the_listed_values_once_and_leaves_the_rest() {
        ObjectNode fields = JsonMapper.builder().build().createObjectNode()
                .put("attendeeId", "a-1").put("subject", "sub-1").put("name", "Ada").put("ticketTypeId", "t-1");

        assertThat(PersonalDataOnTheWire.erase("registration.attendee-registered", fields)).isTrue();
        assertThat(fields.get("subject").asString()).isEqualTo(PersonalFields.ERASED);
        assertThat(fields.get("name").asString()).isEqualTo(PersonalFields.ERASED);
        assertThat(fields.get("attendeeId").asString()).isEqualTo("a-1");
        assertThat(fields.get("ticketTypeId").asString()).isEqualTo("t-1");
        assertThat(PersonalDataOnTheWire.erase("registration.attendee-registered", fields)).isFalse();
        assertThat(PersonalDataOnTheWire.erase("sprints.sprint-announced", fields)).isFalse();
    }
}
