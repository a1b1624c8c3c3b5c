package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import io.lanyard.testsupport.MovableClock;

/**
 * Every endpoint of the public contract (and the few reads the services add to it) against every kind of caller,
 * from one table. A cell is 401 {@code unauthenticated}, 403 {@code forbidden}, or allowed: the endpoint's own
 * success status. An action that destroys its fixture or cannot be repeated (a second sign-up is a refusal) gets a
 * fixture made for its cell alone, so no cell depends on what an earlier one did.
 */
class AuthorizationMatrixTest {

    enum Caller { NO_TOKEN, BAD_SIGNATURE, EXPIRED, ANOTHER_ATTENDEE, SPRINT_LEADER, OTHER_CONFERENCES_ORGANIZER,
        OWNER, ORGANIZER }

    private record Request(String path, Object body) {
    }

    /** {@code request} is asked once per cell: a fixed request, or one on a fixture made for that cell. */
    private record Row(String service, String method, String endpoint, int success, Set<Caller> allowed,
                       Supplier<Request> request) {
    }

    private static final Set<Caller> ANYONE = EnumSet.of(Caller.ANOTHER_ATTENDEE, Caller.SPRINT_LEADER,
            Caller.OTHER_CONFERENCES_ORGANIZER, Caller.OWNER, Caller.ORGANIZER);
    private static final Set<Caller> OWNER_OR_ORGANIZER = EnumSet.of(Caller.OWNER, Caller.ORGANIZER);
    private static final Set<Caller> ORGANIZER_ONLY = EnumSet.of(Caller.ORGANIZER);
    private static final Set<Caller> LEADER_OR_ORGANIZER = EnumSet.of(Caller.SPRINT_LEADER, Caller.ORGANIZER);
    private static final Set<Caller> OWNER_LEADER_OR_ORGANIZER = EnumSet.of(Caller.OWNER, Caller.SPRINT_LEADER,
            Caller.ORGANIZER);
    /** Every fresh shift gets an hour of its own, four hours after the last: no overlap, no rest rule, 6 h a day. */
    private static final OffsetDateTime FIRST_SHIFT = OffsetDateTime.parse("2027-05-14T00:00:00-07:00");
    private static final String SPRINT_DAY = "2027-05-20";
    /** After every fixture's shift and sprint day, still inside the conference. */
    private static final OffsetDateTime LAST_EVENING = OffsetDateTime.parse("2027-05-22T20:00:00-07:00");

    private static Map<String, RunningService> services;
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicInteger shifts = new AtomicInteger();
    private Walkthrough walk;
    private String olivia;
    private String alice;
    private UUID conference;
    private UUID aliceId;
    private UUID lenaId;

    @BeforeAll
    static void start() {
        services = FullStack.services();
    }

    @Test
    void every_endpoint_answers_every_caller_as_the_contract_says() {
        walk = new Walkthrough(services.get("registration"));
        olivia = walk.token("olivia", "ORGANIZER");
        String oscar = walk.token("oscar", "ORGANIZER");
        conference = walk.conference(olivia);
        walk.conference(oscar);
        UUID ticketType = walk.ticketType(olivia, conference, 1000);
        alice = walk.token("alice");
        String bob = walk.token("bob");
        String lena = walk.token("lena");
        aliceId = walk.register(alice, conference, ticketType, "Alice");
        UUID bobId = walk.register(bob, conference, ticketType, "Bob");
        lenaId = walk.register(lena, conference, ticketType, "Lena");
        for (String name : List.of("volunteering", "dinners", "sprints", "notifications")) {
            Attendees known = services.get(name).bean(Attendees.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> known.find(conference, lenaId).isPresent()
                    && known.find(conference, aliceId).isPresent() && known.find(conference, bobId).isPresent());
        }
        Map<Caller, String> tokens = tokens(alice, bob, lena, olivia, oscar);

        String c = "/conferences/" + conference;
        // a webhook whose receiver is never there: each fact below leaves a delivery to retry
        UUID webhook = created("notifications", olivia, c + "/webhooks", webhookBody());
        UUID dinner = freshDinner();
        UUID ticket = ticketOfAlice(dinner);
        UUID sprint = freshSprint();
        joinAsAlice(sprint);
        String reg = c + "/registrations/" + aliceId;
        String din = c + "/dinners/" + dinner;
        String spr = c + "/sprints/" + sprint;
        String hooks = c + "/webhooks";
        String delivery = hooks + "/" + webhook + "/deliveries/" + firstDelivery(hooks + "/" + webhook);
        List<Row> rows = List.of(
                // registration
                fixed("registration", "POST", "/conferences", 201, EnumSet.of(Caller.ORGANIZER,
                        Caller.OTHER_CONFERENCES_ORGANIZER), Map.of("name", "Another", "startsOn", "2027-06-01",
                        "endsOn", "2027-06-02", "timeZone", "UTC")),
                new Row("registration", "POST", c + "/organizers", 204, ORGANIZER_ONLY,
                        () -> new Request(c + "/organizers", Map.of("subject", "olga-" + fresh.incrementAndGet()))),
                fixed("registration", "POST", c + "/ticket-types", 201, ORGANIZER_ONLY, Map.of("name", "VIP",
                        "priceCents", 1, "currency", "USD", "quota", 5)),
                fixed("registration", "GET", c + "/ticket-types/" + ticketType, 200, ANYONE, null),
                // one live registration per person and conference: each cell registers for a conference of its own
                new Row("registration", "POST", "/conferences/{fresh}/registrations", 201, ANYONE, () -> {
                    UUID elsewhere = walk.conference(olivia);
                    return new Request("/conferences/" + elsewhere + "/registrations", Map.of("ticketTypeId",
                            walk.ticketType(olivia, elsewhere, 10), "name", "Someone", "email", "someone@example.org"));
                }),
                fixed("registration", "GET", reg, 200, OWNER_OR_ORGANIZER, null),
                fixed("registration", "GET", c + "/registrations?page=0&size=10", 200, ORGANIZER_ONLY, null),
                new Row("registration", "DELETE", "/conferences/{fresh}/registrations/{alice's}", 204,
                        OWNER_OR_ORGANIZER, () -> new Request(registrationOfAliceElsewhere(), null)),
                new Row("registration", "POST", c + "/registrations/{walk-in}/check-in", 204, ORGANIZER_ONLY,
                        () -> new Request(c + "/registrations/" + walkIn(ticketType) + "/check-in", null)),
                fixed("registration", "GET", c + "/attendees/" + aliceId + "/itinerary", 200, OWNER_OR_ORGANIZER,
                        null),
                fixed("registration", "GET", c + "/attendees/" + aliceId + "/personal-data", 200, OWNER_OR_ORGANIZER,
                        null),
                new Row("registration", "POST", "/conferences/{fresh}/attendees/{alice's}/erasure", 202,
                        OWNER_OR_ORGANIZER, () -> new Request(registrationOfAliceElsewhere()
                        .replace("/registrations/", "/attendees/") + "/erasure", null)),
                // volunteering
                fixed("volunteering", "PUT", c + "/volunteer-policy", 204, ORGANIZER_ONLY,
                        Map.of("maxHoursPerDay", 8)),
                new Row("volunteering", "POST", c + "/shifts", 201, ORGANIZER_ONLY,
                        () -> new Request(c + "/shifts", shiftBody())),
                fixed("volunteering", "GET", c + "/shifts", 200, ANYONE, null),
                new Row("volunteering", "POST", c + "/shifts/{fresh}/volunteers", 201, OWNER_OR_ORGANIZER,
                        () -> new Request(volunteers(freshShift()), Map.of("attendeeId", aliceId))),
                new Row("volunteering", "DELETE", c + "/shifts/{fresh}/volunteers/{alice}", 204, OWNER_OR_ORGANIZER,
                        () -> new Request(volunteers(shiftOfAlice()) + "/" + aliceId, null)),
                new Row("volunteering", "POST", c + "/shifts/{fresh}/volunteers/{alice}/attendance", 204,
                        ORGANIZER_ONLY, () -> new Request(volunteers(shiftOfAlice()) + "/" + aliceId + "/attendance",
                        Map.of("status", "PRESENT"))),
                fixed("volunteering", "GET", c + "/volunteers/" + aliceId, 200, OWNER_OR_ORGANIZER, null),
                fixed("volunteering", "GET", c + "/volunteers/" + aliceId + "/shifts.ics", 200, OWNER_OR_ORGANIZER,
                        null),
                // dinners
                fixed("dinners", "POST", c + "/dinners", 201, ORGANIZER_ONLY, dinnerBody()),
                fixed("dinners", "GET", din, 200, ANYONE, null),
                new Row("dinners", "POST", c + "/dinners/{fresh}/tickets", 201, OWNER_OR_ORGANIZER,
                        () -> new Request(c + "/dinners/" + freshDinner() + "/tickets", Map.of("attendeeId", aliceId))),
                fixed("dinners", "GET", din + "/tickets/" + ticket, 200, OWNER_OR_ORGANIZER, null),
                new Row("dinners", "POST", c + "/dinners/{fresh}/tickets/{alice's}/payment", 200, OWNER_OR_ORGANIZER,
                        () -> new Request(freshTicketOfAlice() + "/payment", Map.of("paymentReference", "pay-123"))),
                new Row("dinners", "DELETE", c + "/dinners/{fresh}/tickets/{alice's}", 204, OWNER_OR_ORGANIZER,
                        () -> new Request(freshTicketOfAlice(), null)),
                fixed("dinners", "GET", din + "/guests", 200, ORGANIZER_ONLY, null),
                // sprints
                fixed("sprints", "POST", c + "/sprints", 201, LEADER_OR_ORGANIZER, sprintBody()),
                fixed("sprints", "GET", c + "/sprints", 200, ANYONE, null),
                new Row("sprints", "POST", c + "/sprints/{fresh}/participants", 201, OWNER_OR_ORGANIZER,
                        () -> new Request(c + "/sprints/" + freshSprint() + "/participants",
                                Map.of("attendeeId", aliceId, "days", List.of(SPRINT_DAY)))),
                new Row("sprints", "DELETE", c + "/sprints/{fresh}/participants/{alice}", 204,
                        OWNER_LEADER_OR_ORGANIZER, () -> new Request(participantAlice(), null)),
                new Row("sprints", "POST", c + "/sprints/{fresh}/participants/{alice}/attendance", 204,
                        LEADER_OR_ORGANIZER, () -> new Request(participantAlice() + "/attendance",
                        Map.of("day", SPRINT_DAY))),
                fixed("sprints", "GET", spr + "/participants", 200, LEADER_OR_ORGANIZER, null),
                // reads the services add to the contract
                fixed("dinners", "GET", c + "/dinners", 200, ANYONE, null),
                fixed("sprints", "GET", spr, 200, ANYONE, null),
                fixed("sprints", "GET", spr + "/participants/" + aliceId, 200, OWNER_LEADER_OR_ORGANIZER, null),
                fixed("volunteering", "GET", c + "/attendees/" + aliceId, 200, OWNER_OR_ORGANIZER, null),
                fixed("dinners", "GET", c + "/attendees/" + aliceId, 200, OWNER_OR_ORGANIZER, null),
                fixed("sprints", "GET", c + "/attendees/" + aliceId, 200, OWNER_OR_ORGANIZER, null),
                fixed("notifications", "GET", c + "/attendees/" + aliceId, 200, OWNER_OR_ORGANIZER, null),
                // notifications
                fixed("notifications", "POST", hooks, 201, ORGANIZER_ONLY, webhookBody()),
                fixed("notifications", "GET", hooks, 200, ORGANIZER_ONLY, null),
                new Row("notifications", "DELETE", hooks + "/{fresh}", 204, ORGANIZER_ONLY,
                        () -> new Request(hooks + "/" + created("notifications", olivia, hooks, webhookBody()), null)),
                fixed("notifications", "GET", hooks + "/" + webhook + "/deliveries", 200, ORGANIZER_ONLY, null),
                fixed("notifications", "POST", delivery + "/retry", 202, ORGANIZER_ONLY, null),
                fixed("notifications", "GET", c + "/attendees/" + aliceId + "/notifications", 200,
                        OWNER_OR_ORGANIZER, null),
                // each service's copy of a person's data
                fixed("volunteering", "GET", c + "/attendees/" + aliceId + "/personal-data", 200, OWNER_OR_ORGANIZER,
                        null),
                fixed("dinners", "GET", c + "/attendees/" + aliceId + "/personal-data", 200, OWNER_OR_ORGANIZER,
                        null),
                fixed("sprints", "GET", c + "/attendees/" + aliceId + "/personal-data", 200, OWNER_OR_ORGANIZER,
                        null),
                fixed("notifications", "GET", c + "/attendees/" + aliceId + "/personal-data", 200,
                        OWNER_OR_ORGANIZER, null));

        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> answered = new LinkedHashMap<>();
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                Request request = row.request().get();
                Http.Response response = duringConference(row, () -> services.get(row.service()).http()
                        .send(row.method(), request.path(), tokens.get(caller), request.body(), Map.of()));
                answered.merge(response.status(), 1, Integer::sum);
                String expected = expected(row, caller);
                String actual = response.status() == 401 || response.status() == 403
                        ? response.status() + " " + response.problem() : Integer.toString(response.status());
                if (!actual.equals(expected)) {
                    wrong.add("%s %s %s as %s: expected %s, got %s".formatted(row.service(), row.method(),
                            request.path(), caller, expected, response));
                }
            }
        }
        System.out.printf("authorization matrix: %d endpoints x %d callers answered %s%n", rows.size(),
                Caller.values().length, answered);
        assertThat(rows).hasSize(50);
        assertThat(answered.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(rows.size() * Caller.values().length);
        assertThat(wrong).isEmpty();
    }

    /**
     * Attendance is taken once a shift or sprint day has begun (409 {@code not-started} before): the service's clock
     * stands on the conference's last evening while such a cell is asked, after its fixture was made.
     */
    private static Http.Response duringConference(Row row, Supplier<Http.Response> send) {
        if (!row.endpoint().endsWith("/attendance")) {
            return send.get();
        }
        MovableClock clock = services.get(row.service()).bean(MovableClock.class);
        clock.moveTo(LAST_EVENING.toInstant());
        try {
            return send.get();
        } finally {
            clock.reset();
        }
    }

    private static Row fixed(String service, String method, String path, int success, Set<Caller> allowed,
                             Object body) {
        return new Row(service, method, path, success, allowed, () -> new Request(path, body));
    }

    private static String expected(Row row, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, BAD_SIGNATURE, EXPIRED -> "401 unauthenticated";
            default -> row.allowed().contains(caller) ? Integer.toString(row.success()) : "403 forbidden";
        };
    }

    private String registrationOfAliceElsewhere() {
        UUID elsewhere = walk.conference(olivia);
        UUID registered = walk.register(alice, elsewhere, walk.ticketType(olivia, elsewhere, 10), "Alice");
        return "/conferences/" + elsewhere + "/registrations/" + registered;
    }

    private UUID walkIn(UUID ticketType) {
        return walk.register(walk.token("walk-in-" + fresh.incrementAndGet()), conference, ticketType, "Walk In");
    }

    private Map<String, Object> shiftBody() {
        OffsetDateTime startsAt = FIRST_SHIFT.plusHours(4L * shifts.getAndIncrement());
        return Map.of("title", "Bag stuffing", "task", "bag-stuffing", "location", "Hall A",
                "startsAt", startsAt.toString(), "endsAt", startsAt.plusHours(1).toString(), "capacity", 40);
    }

    private UUID freshShift() {
        return created("volunteering", olivia, "/conferences/" + conference + "/shifts", shiftBody());
    }

    private UUID shiftOfAlice() {
        UUID shift = freshShift();
        created("volunteering", alice, volunteers(shift), Map.of("attendeeId", aliceId));
        return shift;
    }

    private String volunteers(UUID shift) {
        return "/conferences/" + conference + "/shifts/" + shift + "/volunteers";
    }

    private static Map<String, Object> dinnerBody() {
        return Map.of("name", "Museum dinner", "venue", "Art Museum", "startsAt", "2027-05-16T19:00:00-07:00",
                "seats", 50, "priceCents", 9000, "currency", "USD");
    }

    private UUID freshDinner() {
        return created("dinners", olivia, "/conferences/" + conference + "/dinners", dinnerBody());
    }

    private UUID ticketOfAlice(UUID dinner) {
        return created("dinners", alice, "/conferences/" + conference + "/dinners/" + dinner + "/tickets",
                Map.of("attendeeId", aliceId));
    }

    private String freshTicketOfAlice() {
        UUID dinner = freshDinner();
        return "/conferences/" + conference + "/dinners/" + dinner + "/tickets/" + ticketOfAlice(dinner);
    }

    private Map<String, Object> sprintBody() {
        return Map.of("project", "CPython", "description", "Core", "leaderAttendeeId", lenaId, "capacity", 20,
                "days", List.of(SPRINT_DAY, "2027-05-21"));
    }

    private UUID freshSprint() {
        return created("sprints", olivia, "/conferences/" + conference + "/sprints", sprintBody());
    }

    private void joinAsAlice(UUID sprint) {
        created("sprints", alice, "/conferences/" + conference + "/sprints/" + sprint + "/participants",
                Map.of("attendeeId", aliceId, "days", List.of(SPRINT_DAY)));
    }

    private String participantAlice() {
        UUID sprint = freshSprint();
        joinAsAlice(sprint);
        return "/conferences/" + conference + "/sprints/" + sprint + "/participants/" + aliceId;
    }

    private static Map<String, Object> webhookBody() {
        return Map.of("url", "http://127.0.0.1:9/never-listening", "events", List.of("*"));
    }

    private String firstDelivery(String webhook) {
        return await("a delivery to " + webhook).atMost(Duration.ofSeconds(30))
                .until(() -> services.get("notifications").http().get(webhook + "/deliveries", olivia).json(),
                        deliveries -> deliveries.size() > 0)
                .get(0).get("id").asString();
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
