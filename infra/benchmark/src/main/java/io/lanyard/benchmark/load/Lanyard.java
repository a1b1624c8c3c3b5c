package io.lanyard.benchmark.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;

/**
 * The parts of Lanyard's public HTTP contract (shared/API.md) the benchmark drives, against whatever registration
 * and dinners URLs it is given: in-process services, separate JVMs or a devstack.
 */
public final class Lanyard {

    private final Http http;
    private final String registration;
    private final String dinners;
    private final BiFunction<String, List<String>, String> tokens;

    public Lanyard(Http http, String registrationUrl, String dinnersUrl,
                   BiFunction<String, List<String>, String> tokens) {
        this.http = http;
        this.registration = registrationUrl;
        this.dinners = dinnersUrl;
        this.tokens = tokens;
    }

    /** Tokens from {@code POST /dev/tokens}, for services running outside this JVM. */
    public static BiFunction<String, List<String>, String> devTokensOver(Http http, String registrationUrl) {
        return (subject, roles) -> {
            Http.Answer answer = http.post(registrationUrl + "/dev/tokens", null,
                    Map.of("subject", subject, "roles", roles));
            expect(answer, 200, "POST /dev/tokens");
            return answer.text("token");
        };
    }

    public Http http() {
        return http;
    }

    public String registrationUrl() {
        return registration;
    }

    public String dinnersUrl() {
        return dinners;
    }

    public String token(String subject) {
        return tokens.apply(subject, List.of());
    }

    public String organizerToken(String subject) {
        return tokens.apply(subject, List.of("ORGANIZER"));
    }

    public UUID conference(String organizerToken, String name) {
        Http.Answer answer = http.post(registration + "/conferences", organizerToken, Map.of(
                "name", name, "startsOn", "2027-05-14", "endsOn", "2027-05-22", "timeZone", "America/Los_Angeles"));
        return id(expect(answer, 201, "POST /conferences"));
    }

    public UUID ticketType(String organizerToken, UUID conference, String name, int quota) {
        Http.Answer answer = http.post(registration + "/conferences/" + conference + "/ticket-types", organizerToken,
                Map.of("name", name, "priceCents", 40000, "currency", "USD", "quota", quota));
        return id(expect(answer, 201, "POST ticket-types"));
    }

    public Http.Answer register(UUID conference, UUID ticketType, String token, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticketTypeId", ticketType.toString());
        body.put("name", name);
        body.put("email", name.toLowerCase().replaceAll("[^a-z0-9]", ".") + "@example.org");
        return http.post(registration + "/conferences/" + conference + "/registrations", token, body);
    }

    public JsonNode ticketTypeSummary(String token, UUID conference, UUID ticketType) {
        return expect(http.get(registration + "/conferences/" + conference + "/ticket-types/" + ticketType, token),
                200, "GET ticket-type").json();
    }

    public UUID dinner(String organizerToken, UUID conference, String name, int seats) {
        Http.Answer answer = http.post(dinners + "/conferences/" + conference + "/dinners", organizerToken, Map.of(
                "name", name, "venue", "Benchmark Hall", "startsAt", "2027-05-18T19:00:00-07:00", "seats", seats,
                "priceCents", 6500, "currency", "USD"));
        return id(expect(answer, 201, "POST dinners"));
    }

    public Http.Answer requestDinnerTicket(UUID conference, UUID dinner, String token, UUID attendee) {
        return http.post(dinners + "/conferences/" + conference + "/dinners/" + dinner + "/tickets", token,
                Map.of("attendeeId", attendee.toString(), "dietaryRequirements", "vegetarian"));
    }

    public JsonNode dinnerSummary(String token, UUID conference, UUID dinner) {
        return expect(http.get(dinners + "/conferences/" + conference + "/dinners/" + dinner, token), 200,
                "GET dinner").json();
    }

    /** Whether dinners knows the attendee yet (the platform's replica of registration's attendees). */
    public boolean dinnersKnows(String token, UUID conference, UUID attendee) {
        return http.get(dinners + "/conferences/" + conference + "/attendees/" + attendee, token).status() == 200;
    }

    public static UUID id(Http.Answer answer) {
        return UUID.fromString(answer.text("id"));
    }

    public static Http.Answer expect(Http.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer);
        }
        return answer;
    }
}
