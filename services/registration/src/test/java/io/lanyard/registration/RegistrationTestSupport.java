package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.lanyard.platform.security.DevTokens;
import io.lanyard.testsupport.Http;

/** What registration's HTTP tests share: a client on the running service and ways to set a conference up. */
public abstract class RegistrationTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected DevTokens tokens;

    protected Http http() {
        return Http.on(port);
    }

    protected String organizerToken(String subject) {
        return tokens.mint(subject, List.of("ORGANIZER"));
    }

    protected String attendeeToken(String subject) {
        return tokens.mint(subject, List.of());
    }

    protected UUID createConference(String organizerToken) {
        Http.Response response = http().post("/conferences", organizerToken, Map.of(
                "name", "PyCon US 2027", "startsOn", "2027-05-14", "endsOn", "2027-05-22",
                "timeZone", "America/Los_Angeles"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    protected UUID createTicketType(String organizerToken, UUID conferenceId, int quota) {
        Http.Response response = http().post("/conferences/" + conferenceId + "/ticket-types", organizerToken,
                Map.of("name", "Individual", "priceCents", 40000, "currency", "USD", "quota", quota));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    protected Http.Response register(String token, UUID conferenceId, UUID ticketTypeId, String name) {
        return http().post("/conferences/" + conferenceId + "/registrations", token,
                Map.of("ticketTypeId", ticketTypeId.toString(), "name", name, "email", name.toLowerCase() + "@example.org"));
    }
}
