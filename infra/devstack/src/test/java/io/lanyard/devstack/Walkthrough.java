package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lanyard.platform.security.DevTokens;
import io.lanyard.testsupport.Http;

/** The README's curl walk-through, as code: an organizer opens a conference and an attendee registers. */
final class Walkthrough {

    private final Http registration;
    private final DevTokens tokens;

    Walkthrough(RunningService registration) {
        this.registration = registration.http();
        this.tokens = registration.bean(DevTokens.class);
    }

    String token(String subject, String... roles) {
        return tokens.mint(subject, List.of(roles));
    }

    UUID conference(String organizerToken) {
        return conference(organizerToken, "2027-05-14", "2027-05-22", "America/Los_Angeles");
    }

    UUID conference(String organizerToken, String startsOn, String endsOn, String timeZone) {
        Http.Response created = registration.post("/conferences", organizerToken, Map.of("name", "PyCon US 2027",
                "startsOn", startsOn, "endsOn", endsOn, "timeZone", timeZone));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    UUID ticketType(String organizerToken, UUID conference, int quota) {
        Http.Response created = registration.post("/conferences/" + conference + "/ticket-types", organizerToken,
                Map.of("name", "Individual", "priceCents", 40000, "currency", "USD", "quota", quota));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    UUID register(String attendeeToken, UUID conference, UUID ticketType, String name) {
        Http.Response created = registration.post("/conferences/" + conference + "/registrations", attendeeToken,
                Map.of("ticketTypeId", ticketType.toString(), "name", name, "email", "someone@example.org"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
