package io.lanyard.dinners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTestSupport;

/** What dinners' HTTP tests share: a conference with its organizer, dinners, and ways to ask for tickets. */
public abstract class DinnersTestSupport extends ServiceTestSupport {

    /**
     * An evening of the test conference's week (it runs 2027-05-14 to 22 in Los Angeles): dinners must fall within
     * the conference's dates, and this one is months ahead of the real time, so neither the owner's cancellation
     * cut-off nor the start is near until a test moves the {@link io.lanyard.testsupport.MovableClock}.
     */
    protected static final OffsetDateTime CONFERENCE_EVENING =
            OffsetDateTime.of(2027, 5, 19, 19, 0, 0, 0, ZoneOffset.ofHours(-7));

    /** The service's time is {@code moment} from now on, until the test ends. */
    protected void clockAt(OffsetDateTime moment) {
        clockAt(moment.toInstant());
    }

    protected UUID createDinner(String organizerToken, UUID conferenceId, int seats) {
        return createDinner(organizerToken, conferenceId, seats, CONFERENCE_EVENING);
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

    /**
     * Registration cancels the attendee, at {@code at}, by {@code canceller}; waits until this service has seen it
     * (the replica and the reaction share the inbox transaction).
     */
    protected void cancelRegistration(UUID conferenceId, UUID attendeeId, String subject, Instant at,
                                      AttendeeCancelled.Canceller canceller) {
        RegistrationFeed.publish(new AttendeeCancelled(UUID.randomUUID(), conferenceId, at, attendeeId, subject,
                canceller));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                attendees.find(conferenceId, attendeeId).map(a -> !a.active()).orElse(false));
    }

    protected static String tickets(UUID conferenceId, UUID dinnerId) {
        return "/conferences/" + conferenceId + "/dinners/" + dinnerId + "/tickets";
    }
}
