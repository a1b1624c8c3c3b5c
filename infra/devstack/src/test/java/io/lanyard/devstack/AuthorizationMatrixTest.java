package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.testsupport.Http;

/**
 * Every endpoint of the public contract against every kind of caller, from one table. A cell is either
 * "turned away as unauthenticated", "forbidden", or "allowed" (anything else below 500: a refusal such as 409 or
 * 422 still means the caller was allowed to ask). Rows that destroy their fixture run last.
 */
class AuthorizationMatrixTest {

    /** The fixtures' shifts, dinners and sprint days fall in this conference's week (they must: docs/api.md v1.1). */
    private static final String STARTS_ON = "2099-05-14";
    private static final String ENDS_ON = "2099-05-22";

    enum Caller { NO_TOKEN, BAD_SIGNATURE, EXPIRED, ANOTHER_ATTENDEE, SPRINT_LEADER, OTHER_CONFERENCES_ORGANIZER,
        OWNER, ORGANIZER }

    enum Outcome { UNAUTHENTICATED, FORBIDDEN, ALLOWED }

    private record Row(String service, String method, String path, Supplier<Object> body, Set<Caller> allowed) {
    }

    private static final Set<Caller> ANYONE = EnumSet.of(Caller.ANOTHER_ATTENDEE, Caller.SPRINT_LEADER,
            Caller.OTHER_CONFERENCES_ORGANIZER, Caller.OWNER, Caller.ORGANIZER);
    private static final Set<Caller> OWNER_OR_ORGANIZER = EnumSet.of(Caller.OWNER, Caller.ORGANIZER);
    private static final Set<Caller> ORGANIZER_ONLY = EnumSet.of(Caller.ORGANIZER);
    private static final Set<Caller> LEADER_OR_ORGANIZER = EnumSet.of(Caller.SPRINT_LEADER, Caller.ORGANIZER);

    private static Map<String, RunningService> services;
    private static Map<Caller, String> tokens;

    @BeforeAll
    static void start() {
        services = FullStack.services();
    }

    @Test
    void every_endpoint_answers_every_caller_as_the_contract_says() {
        Walkthrough walk = new Walkthrough(services.get("registration"));
        String olivia = walk.token("olivia", "ORGANIZER");
        String oscar = walk.token("oscar", "ORGANIZER");
        UUID conference = walk.conference(olivia, STARTS_ON, ENDS_ON, "America/Los_Angeles");
        walk.conference(oscar, STARTS_ON, ENDS_ON, "America/Los_Angeles");
        UUID ticketType = walk.ticketType(olivia, conference, 100);
        String alice = walk.token("alice");
        String bob = walk.token("bob");
        String lena = walk.token("lena");
        UUID aliceId = walk.register(alice, conference, ticketType, "Alice");
        UUID bobId = walk.register(bob, conference, ticketType, "Bob");
        UUID lenaId = walk.register(lena, conference, ticketType, "Lena");
        for (String name : List.of("volunteering", "dinners", "sprints")) {
            Attendees known = services.get(name).bean(Attendees.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> known.find(conference, lenaId).isPresent()
                    && known.find(conference, aliceId).isPresent() && known.find(conference, bobId).isPresent());
        }
        tokens = tokens(alice, bob, lena, olivia, oscar);

        String c = "/conferences/" + conference;
        UUID shift = created("volunteering", olivia, c + "/shifts", Map.of("title", "Bag stuffing",
                "task", "bag-stuffing", "location", "Hall A", "startsAt", "2099-05-14T17:00:00-07:00",
                "endsAt", "2099-05-14T19:00:00-07:00", "capacity", 40));
        UUID dinner = created("dinners", olivia, c + "/dinners", Map.of("name", "Museum dinner", "venue", "Art Museum",
                "startsAt", "2099-05-16T19:00:00-07:00", "seats", 50, "priceCents", 9000, "currency", "USD"));
        UUID ticket = created("dinners", alice, c + "/dinners/" + dinner + "/tickets", Map.of("attendeeId", aliceId));
        UUID sprint = created("sprints", lena, c + "/sprints", Map.of("project", "CPython", "description", "Core",
                "leaderAttendeeId", lenaId, "capacity", 20, "days", List.of("2099-05-20", "2099-05-21")));
        Http.Response joined = services.get("sprints").http().post(c + "/sprints/" + sprint + "/participants", alice,
                Map.of("attendeeId", aliceId, "days", List.of("2099-05-20")));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);

        String reg = c + "/registrations/" + aliceId;
        String vol = c + "/shifts/" + shift + "/volunteers";
        String din = c + "/dinners/" + dinner;
        String spr = c + "/sprints/" + sprint;
        List<Row> rows = List.of(
                new Row("registration", "POST", "/conferences", () -> Map.of("name", "Another", "startsOn", "2099-01-01",
                        "endsOn", "2099-01-02", "timeZone", "UTC"),
                        EnumSet.of(Caller.ORGANIZER, Caller.OTHER_CONFERENCES_ORGANIZER)),
                new Row("registration", "POST", c + "/organizers", () -> Map.of("subject", "olga"), ORGANIZER_ONLY),
                new Row("registration", "POST", c + "/ticket-types", () -> Map.of("name", "VIP", "priceCents", 1,
                        "currency", "USD", "quota", 5), ORGANIZER_ONLY),
                new Row("registration", "GET", c + "/ticket-types/" + ticketType, null, ANYONE),
                new Row("registration", "POST", c + "/registrations", () -> Map.of("ticketTypeId", ticketType,
                        "name", "Someone", "email", "someone@example.org"), ANYONE),
                new Row("registration", "GET", reg, null, OWNER_OR_ORGANIZER),
                new Row("registration", "GET", c + "/registrations?page=0&size=10", null, ORGANIZER_ONLY),
                new Row("registration", "POST", reg + "/check-in", null, ORGANIZER_ONLY),
                new Row("registration", "GET", c + "/attendees/" + aliceId + "/itinerary", null, OWNER_OR_ORGANIZER),
                new Row("volunteering", "PUT", c + "/volunteer-policy", () -> Map.of("maxHoursPerDay", 8),
                        ORGANIZER_ONLY),
                new Row("volunteering", "POST", c + "/shifts", () -> Map.of("title", "Desk", "task", "registration-desk",
                        "location", "Lobby", "startsAt", "2099-05-15T08:00:00-07:00",
                        "endsAt", "2099-05-15T10:00:00-07:00", "capacity", 3), ORGANIZER_ONLY),
                new Row("volunteering", "GET", c + "/shifts", null, ANYONE),
                new Row("volunteering", "POST", vol, () -> Map.of("attendeeId", aliceId), OWNER_OR_ORGANIZER),
                new Row("volunteering", "POST", vol + "/" + aliceId + "/attendance", () -> Map.of("status", "PRESENT"),
                        ORGANIZER_ONLY),
                new Row("volunteering", "GET", c + "/volunteers/" + aliceId, null, OWNER_OR_ORGANIZER),
                new Row("volunteering", "GET", c + "/volunteers/" + aliceId + "/shifts.ics", null, OWNER_OR_ORGANIZER),
                new Row("dinners", "POST", c + "/dinners", () -> Map.of("name", "Second dinner", "venue", "Pier",
                        "startsAt", "2099-05-17T19:00:00-07:00", "seats", 10, "priceCents", 5000, "currency", "USD"),
                        ORGANIZER_ONLY),
                new Row("dinners", "GET", din, null, ANYONE),
                new Row("dinners", "POST", din + "/tickets", () -> Map.of("attendeeId", aliceId), OWNER_OR_ORGANIZER),
                new Row("dinners", "GET", din + "/tickets/" + ticket, null, OWNER_OR_ORGANIZER),
                new Row("dinners", "POST", din + "/tickets/" + ticket + "/payment",
                        () -> Map.of("paymentReference", "pay-123"), OWNER_OR_ORGANIZER),
                new Row("dinners", "GET", din + "/guests", null, ORGANIZER_ONLY),
                new Row("sprints", "POST", c + "/sprints", () -> Map.of("project", "pip", "description", "Packaging",
                        "leaderAttendeeId", lenaId, "capacity", 10, "days", List.of("2099-05-20")),
                        EnumSet.of(Caller.SPRINT_LEADER, Caller.ORGANIZER)),
                new Row("sprints", "GET", c + "/sprints", null, ANYONE),
                new Row("sprints", "POST", spr + "/participants", () -> Map.of("attendeeId", aliceId,
                        "days", List.of("2099-05-21")), OWNER_OR_ORGANIZER),
                new Row("sprints", "POST", spr + "/participants/" + aliceId + "/attendance",
                        () -> Map.of("day", "2099-05-20"), LEADER_OR_ORGANIZER),
                new Row("sprints", "GET", spr + "/participants", null, LEADER_OR_ORGANIZER),
                // these destroy their fixture, so they come last, and within a row the refused callers go first
                new Row("sprints", "DELETE", spr + "/participants/" + aliceId, null,
                        EnumSet.of(Caller.OWNER, Caller.SPRINT_LEADER, Caller.ORGANIZER)),
                new Row("dinners", "DELETE", din + "/tickets/" + ticket, null, OWNER_OR_ORGANIZER),
                new Row("volunteering", "DELETE", vol + "/" + aliceId, null, OWNER_OR_ORGANIZER),
                new Row("registration", "DELETE", reg, null, OWNER_OR_ORGANIZER));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                Http.Response response = services.get(row.service()).http().send(row.method(), row.path(),
                        tokens.get(caller), row.body() == null ? null : row.body().get(), Map.of());
                Outcome expected = expected(row, caller);
                Outcome actual = switch (response.status()) {
                    case 401 -> Outcome.UNAUTHENTICATED;
                    case 403 -> Outcome.FORBIDDEN;
                    default -> Outcome.ALLOWED;
                };
                cells++;
                if (response.status() >= 500 || actual != expected) {
                    wrong.add("%s %s %s as %s: expected %s, got %s".formatted(row.service(), row.method(), row.path(),
                            caller, expected, response));
                }
            }
        }
        assertThat(cells).isEqualTo(rows.size() * Caller.values().length);
        assertThat(wrong).isEmpty();
    }

    private static Outcome expected(Row row, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, BAD_SIGNATURE, EXPIRED -> Outcome.UNAUTHENTICATED;
            default -> row.allowed().contains(caller) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        };
    }

    private static UUID created(String service, String token, String path, Object body) {
        Http.Response response = services.get(service).http().post(path, token, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private static Map<Caller, String> tokens(String alice, String bob, String lena, String olivia, String oscar) {
        String devKey = services.get("registration").context().getEnvironment()
                .getRequiredProperty("lanyard.security.dev-key");
        Map<Caller, String> tokens = new LinkedHashMap<>();
        tokens.put(Caller.NO_TOKEN, null);
        tokens.put(Caller.BAD_SIGNATURE, sign("x".repeat(40), "alice", Instant.now().plusSeconds(600)));
        tokens.put(Caller.EXPIRED, sign(devKey, "alice", Instant.now().minusSeconds(600)));
        tokens.put(Caller.ANOTHER_ATTENDEE, bob);
        tokens.put(Caller.SPRINT_LEADER, lena);
        tokens.put(Caller.OTHER_CONFERENCES_ORGANIZER, oscar);
        tokens.put(Caller.OWNER, alice);
        tokens.put(Caller.ORGANIZER, olivia);
        return tokens;
    }

    private static String sign(String key, String subject, Instant expiresAt) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder
                .withSecretKey(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("lanyard-dev").subject(subject)
                .issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt).claim("roles", List.of()).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
