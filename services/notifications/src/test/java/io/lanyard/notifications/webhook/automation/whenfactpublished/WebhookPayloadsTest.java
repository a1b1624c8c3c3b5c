package io.lanyard.notifications.webhook.automation.whenfactpublished;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.personaldata.PersonalFields;

class WebhookPayloadsTest {

    /** Text that names a thing, not a person, on the public topics. */
    private static final Set<String> NOT_PERSONAL = Set.of(
            "registration.conference-created.name", "registration.ticket-type-created.name",
            "dinners.ticket-held.dinnerName", "dinners.ticket-waitlisted.dinnerName",
            // an organizer's subject: organizers are not erased as attendees
            "registration.conference-created.organizerSubject", "registration.organizer-added.subject");
    private static final List<String> PERSONAL_WORDS = List.of("name", "mail", "subject", "dietary", "phone",
            "address");

    @Test
    void every_offered_field_that_may_hold_a_persons_data_is_scrubbed_on_erasure_or_said_not_to() {
        List<String> undecided = new ArrayList<>();
        for (EventCatalogue.Entry entry : EventCatalogue.entries()) {
            if (!CatalogueEventTypes.OFFERED_TOPICS.contains(entry.topic())) {
                continue;
            }
            for (RecordComponent component : entry.javaType().getRecordComponents()) {
                String field = entry.type() + "." + component.getName();
                String lower = component.getName().toLowerCase(Locale.ROOT);
                boolean scrubbed = WebhookPayloads.PERSONAL_FIELDS.getOrDefault(entry.type(), List.of())
                        .contains(component.getName());
                if (PERSONAL_WORDS.stream().anyMatch(lower::contains) && !scrubbed
                        && !NOT_PERSONAL.contains(field)) {
                    undecided.add(field);
                }
            }
        }
        assertThat(undecided).as("add them to WebhookPayloads.PERSONAL_FIELDS, or here as not personal").isEmpty();
    }

    @Test
    void an_erased_body_keeps_everything_but_the_attendees_own_values() {
        UUID attendee = UUID.randomUUID();
        String body = WebhookPayloads.of(new AttendeeRegistered(UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2027-05-01T10:00:00Z"), attendee, "sub-123", "Ada Lovelace", UUID.randomUUID())).body();

        String erased = WebhookPayloads.erased("registration.attendee-registered", body);

        assertThat(erased).doesNotContain("sub-123").doesNotContain("Ada Lovelace").contains(attendee.toString());
        assertThat(erased.replace(PersonalFields.ERASED, "X"))
                .isEqualTo(body.replace("\"sub-123\"", "\"X\"").replace("\"Ada Lovelace\"", "\"X\""));
        assertThat(WebhookPayloads.erased("registration.attendee-registered", erased)).isEqualTo(erased);
        assertThat(WebhookPayloads.erased("sprints.sprint-announced", "{\"data\":{}}")).isEqualTo("{\"data\":{}}");
    }
}
