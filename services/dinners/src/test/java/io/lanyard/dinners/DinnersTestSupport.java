package io.lanyard.dinners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTestSupport;

/** What dinners' HTTP tests share: a conference with its organizer, dinners, and ways to ask for tickets. */
public abstract class DinnersTestSupport extends ServiceTestSupport {

    /** Far enough ahead that the owner's cancellation cut-off is no concern. */
    protected static final OffsetDateTime NEXT_YEAR =
            OffsetDateTime.now(ZoneOffset.ofHours(-7)).plusYears(1).withNano(0);

    protected UUID createDinner(String organizerToken, UUID conferenceId, int seats) {
        return createDinner(organizerToken, conferenceId, seats, NEXT_YEAR);
    }

    protected UUID createDinner(String organizerToken, UUID conferenceId, int seats, OffsetDateTime startsAt) {
        Http.Response response = http().post("/conferences/" + conferenceId + "/dinners", organizerToken, Map.of(
                "name", "Speakers' dinner", "venue", "Portland Art Museum", "startsAt", startsAt.toString(),
                "seats", seats, "priceCents", 6500, "currency", "USD"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    protected Http.Response dinner(String token, UUID conferenceId, UUID dinnerId) {
        return http().get("/conferences/" + conferenceId + "/dinners/" + dinnerId, token);
    }

    protected Http.Response requestTicket(String token, UUID conferenceId, UUID dinnerId, UUID attendeeId) {
        return requestTicket(token, conferenceId, dinnerId, attendeeId, null, null);
    }

    protected Http.Response requestTicket(String token, UUID conferenceId, UUID dinnerId, UUID attendeeId,
                                          Object dietaryRequirements, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("attendeeId", attendeeId.toString());
        if (dietaryRequirements != null) {
            body.put("dietaryRequirements", dietaryRequirements);
        }
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return http().send("POST", tickets(conferenceId, dinnerId), token, body, headers);
    }

    protected Http.Response ticket(String token, UUID conferenceId, UUID dinnerId, String ticketId) {
        return http().get(tickets(conferenceId, dinnerId) + "/" + ticketId, token);
    }

    protected Http.Response pay(String token, UUID conferenceId, UUID dinnerId, String ticketId) {
        return http().post(tickets(conferenceId, dinnerId) + "/" + ticketId + "/payment", token,
                Map.of("paymentReference", "pay-" + ticketId));
    }

    protected Http.Response cancel(String token, UUID conferenceId, UUID dinnerId, String ticketId) {
        return http().delete(tickets(conferenceId, dinnerId) + "/" + ticketId, token);
    }

    protected static String tickets(UUID conferenceId, UUID dinnerId) {
        return "/conferences/" + conferenceId + "/dinners/" + dinnerId + "/tickets";
    }
}
