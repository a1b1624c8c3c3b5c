package io.lanyard.notifications.webhook.automation.whenfactpublished;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.personaldata.PersonalFields;

class WebhookPayloadsTest {

    @Test
    void an_erased_body_keeps_everything_but_the_attendees_own_values() {
        UUID attendee = UUID.randomUUID();
        WebhookPayloads.Payload payload = WebhookPayloads.of(new AttendeeRegistered(UUID.randomUUID(),
                UUID.randomUUID(), Instant.parse("2027-05-01T10:00:00Z"), attendee, "sub-123", "Ada Lovelace",
                UUID.randomUUID()));
        String body = payload.body();

        String erased = WebhookPayloads.erased("registration.attendee-registered", body);

        assertThat(payload.attendeeId()).isEqualTo(attendee);
        assertThat(erased).doesNotContain("sub-123").doesNotContain("Ada Lovelace").contains(attendee.toString());
        assertThat(erased.replace(PersonalFields.ERASED, "X"))
                .isEqualTo(body.replace("\"sub-123\"", "\"X\"").replace("\"Ada Lovelace\"", "\"X\""));
        assertThat(WebhookPayloads.erased("registration.attendee-registered", erased)).isEqualTo(erased);
        assertThat(WebhookPayloads.erased("sprints.sprint-announced", "{\"data\":{}}")).isEqualTo("{\"data\":{}}");
    }
}
