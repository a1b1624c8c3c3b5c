package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Ten thousand generated requests across every endpoint of the contract and the reads the services add: wrong
 * types, missing and extra fields, huge and hostile strings, impossible dates and numbers, garbage instead of JSON,
 * unknown and malformed ids and query values. Never a 5xx; every 4xx is problem+json; a rejected request leaves the
 * service's event store as it was. Then hostile text in every free-text field is accepted and comes back exactly as
 * it went in, through the API where one shows it, from the store where none does, and through Kafka in the replicas.
 * Every choice comes from one seed, ids included, so a failing run can be repeated.
 */
class HostileInputTest {

    /** About a hundred per endpoint: enough for every kind of hostile value in every field, in a minute of the suite. */
    private static final int REQUESTS = 4_000;
    private static final long SEED = 20271114L;
    /** SQL, script, JNDI, path and quoting tricks and characters outside ASCII, short enough for every text field. */
    private static final String HOSTILE_TEXT =
            "Bobby'); DROP TABLE t;-- <script>alert(1)</script> ${jndi:ldap://x/a} ../../etc/passwd \\ \"Ω≈ç 🎟️";
    /** As hostile as an address that validates can be. */
    private static final String HOSTILE_EMAIL = "robert'--+${jndi}&{x}|~@example.org";
    private static final List<Object> HOSTILE = List.of("", " ", "'; drop table registration_view; --",
            "<script>alert(1)</script>", "${jndi:ldap://localhost/x}", "../../../../etc/passwd", "\u0000\u0007",
            "Ω≈ç√∫˜µ≤≥÷ 🎟️", "x".repeat(5_000), -1, 0, Long.MIN_VALUE, Double.MAX_VALUE, 1.5, true, List.of(),
            Map.of("nested", "object"), "2027-02-30", "2027-05-14T25:61:00+99:00", "not-a-uuid",
            "00000000-0000-0000-0000-000000000000", HOSTILE_TEXT);
    private static final List<String> HOSTILE_QUERY = List.of("", "-1", "0", "99999999999", "1.5", "abc",
            "%27%20or%201%3D1", "%00", "%3Cscript%3E");

    private enum Kind { TEXT, EMAIL, ID, COUNT, PRICE, DATE, DATETIME, ZONE, CURRENCY, DAYS, ATTENDANCE, DIET }

    /** {@code query} names the query parameters, {@code fields} the body's; a path names ids as {@code {kind}}. */
    private record Endpoint(String service, String method, String path, Map<String, Kind> fields,
                            Map<String, Kind> query) {

        Endpoint(String service, String method, String path, Map<String, Kind> fields) {
            this(service, method, path, fields, Map.of());
        }

        String name() {
            return service + " " + method + " " + path;
        }
    }

    private static final String C = "/conferences/{conference}";
    private static final List<Endpoint> ENDPOINTS = List.of(
            // registration
            new Endpoint("registration", "POST", "/conferences", fields("name", Kind.TEXT, "startsOn", Kind.DATE,
                    "endsOn", Kind.DATE, "timeZone", Kind.ZONE)),
            new Endpoint("registration", "POST", C + "/organizers", fields("subject", Kind.TEXT)),
            new Endpoint("registration", "POST", C + "/ticket-types", fields("name", Kind.TEXT,
                    "priceCents", Kind.PRICE, "currency", Kind.CURRENCY, "quota", Kind.COUNT)),
            new Endpoint("registration", "GET", C + "/ticket-types/{ticketType}", fields()),
            new Endpoint("registration", "POST", C + "/registrations", fields("ticketTypeId", Kind.ID,
                    "name", Kind.TEXT, "email", Kind.EMAIL, "subject", Kind.TEXT)),
            new Endpoint("registration", "GET", C + "/registrations/{attendee}", fields()),
            new Endpoint("registration", "GET", C + "/registrations", fields(), fields("page", Kind.COUNT,
                    "size", Kind.COUNT)),
            new Endpoint("registration", "DELETE", C + "/registrations/{leaver}", fields()),
            new Endpoint("registration", "POST", C + "/registrations/{attendee}/check-in", fields()),
            new Endpoint("registration", "GET", C + "/attendees/{attendee}/itinerary", fields()),
            new Endpoint("registration", "GET", C + "/attendees/{attendee}/personal-data", fields()),
            new Endpoint("registration", "POST", C + "/attendees/{erasee}/erasure", fields()),
            // volunteering
            new Endpoint("volunteering", "PUT", C + "/volunteer-policy", fields(
                    "maxHoursPerDay", Kind.COUNT, "minRestMinutes", Kind.COUNT, "noShowLimit", Kind.COUNT)),
            new Endpoint("volunteering", "POST", C + "/shifts", fields("title", Kind.TEXT,
                    "task", Kind.TEXT, "location", Kind.TEXT, "startsAt", Kind.DATETIME, "endsAt", Kind.DATETIME,
                    "capacity", Kind.COUNT)),
            new Endpoint("volunteering", "GET", C + "/shifts", fields()),
            new Endpoint("volunteering", "POST", C + "/shifts/{shift}/volunteers", fields("attendeeId", Kind.ID)),
            new Endpoint("volunteering", "DELETE", C + "/shifts/{shift}/volunteers/{victim}", fields()),
            new Endpoint("volunteering", "POST", C + "/shifts/{shift}/volunteers/{attendee}/attendance",
                    fields("status", Kind.ATTENDANCE)),
            new Endpoint("volunteering", "GET", C + "/volunteers/{attendee}", fields()),
            new Endpoint("volunteering", "GET", C + "/volunteers/{attendee}/shifts.ics", fields()),
            // dinners
            new Endpoint("dinners", "POST", C + "/dinners", fields("name", Kind.TEXT,
                    "venue", Kind.TEXT, "startsAt", Kind.DATETIME, "seats", Kind.COUNT, "priceCents", Kind.PRICE,
                    "currency", Kind.CURRENCY)),
            new Endpoint("dinners", "GET", C + "/dinners/{dinner}", fields()),
            new Endpoint("dinners", "POST", C + "/dinners/{dinner}/tickets", fields(
                    "attendeeId", Kind.ID, "dietaryRequirements", Kind.DIET)),
            new Endpoint("dinners", "GET", C + "/dinners/{dinner}/tickets/{ticket}", fields()),
            new Endpoint("dinners", "POST", C + "/dinners/{dinner}/tickets/{ticket}/payment",
                    fields("paymentReference", Kind.TEXT)),
            new Endpoint("dinners", "DELETE", C + "/dinners/{dinner}/tickets/{victimTicket}", fields()),
            new Endpoint("dinners", "GET", C + "/dinners/{dinner}/guests", fields()),
            // sprints
            new Endpoint("sprints", "POST", C + "/sprints", fields("project", Kind.TEXT,
                    "description", Kind.TEXT, "leaderAttendeeId", Kind.ID, "capacity", Kind.COUNT, "days", Kind.DAYS)),
            new Endpoint("sprints", "GET", C + "/sprints", fields()),
            new Endpoint("sprints", "POST", C + "/sprints/{sprint}/participants", fields(
                    "attendeeId", Kind.ID, "days", Kind.DAYS)),
            new Endpoint("sprints", "DELETE", C + "/sprints/{sprint}/participants/{victim}", fields()),
            new Endpoint("sprints", "POST", C + "/sprints/{sprint}/participants/{attendee}/attendance",
                    fields("day", Kind.DATE)),
            new Endpoint("sprints", "GET", C + "/sprints/{sprint}/participants", fields()),
            // reads the services add to the contract
            new Endpoint("dinners", "GET", C + "/dinners", fields()),
            new Endpoint("sprints", "GET", C + "/sprints/{sprint}", fields()),
            new Endpoint("sprints", "GET", C + "/sprints/{sprint}/participants/{attendee}", fields()),
            new Endpoint("volunteering", "GET", C + "/attendees/{attendee}", fields()),
            new Endpoint("dinners", "GET", C + "/attendees/{attendee}", fields()),
            new Endpoint("sprints", "GET", C + "/attendees/{attendee}", fields()),
            new Endpoint("notifications", "GET", C + "/attendees/{attendee}", fields()),
            // each service's copy of a person's data (registration's is with its endpoints above)
            new Endpoint("volunteering", "GET", C + "/attendees/{attendee}/personal-data", fields()),
            new Endpoint("dinners", "GET", C + "/attendees/{attendee}/personal-data", fields()),
            new Endpoint("sprints", "GET", C + "/attendees/{attendee}/personal-data", fields()),
            new Endpoint("notifications", "GET", C + "/attendees/{attendee}/personal-data", fields()),
            // notifications
            new Endpoint("notifications", "POST", C + "/webhooks", fields("url", Kind.TEXT, "events", Kind.DIET)),
            new Endpoint("notifications", "GET", C + "/webhooks", fields()),
            new Endpoint("notifications", "DELETE", C + "/webhooks/{victimHook}", fields()),
            new Endpoint("notifications", "GET", C + "/webhooks/{hook}/deliveries", fields()),
            new Endpoint("notifications", "POST", C + "/webhooks/{hook}/deliveries/{delivery}/retry", fields()),
            new Endpoint("notifications", "GET", C + "/attendees/{attendee}/notifications", fields()));

    /** Body fields in the order given: {@code Map.of} iterates in an order that changes from one JVM to the next. */
    private static Map<String, Kind> fields(Object... namesAndKinds) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            fields.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
        }
        return fields;
    }

    private static Map<String, RunningService> services;
    private static Walkthrough walk;
    private static String organizer;

    @Test
    void generated_hostile_requests_never_break_a_service_or_change_state_when_rejected() {
        services = FullStack.services();
        walk = new Walkthrough(services.get("registration"));
        organizer = walk.token("hostile-organizer", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        UUID ticketType = walk.ticketType(organizer, conference, 100_000);
        String owner = walk.token("hostile-owner");
        UUID attendee = walk.register(owner, conference, ticketType, "Hostile Owner");
        // the DELETE endpoints act on people of their own: one whose registration may go (its cascade is waited for,
        // so no service changes behind a rejected request's back), one who may leave the rest
        UUID leaver = walk.register(walk.token("hostile-leaver"), conference, ticketType, "Leaver");
        UUID erasee = walk.register(walk.token("hostile-erasee"), conference, ticketType, "Erasee");
        String victimToken = walk.token("hostile-victim");
        UUID victim = walk.register(victimToken, conference, ticketType, "Victim");
        awaitKnown(conference, List.of(attendee, leaver, victim, erasee));
        String c = "/conferences/" + conference;
        Map<String, UUID> ids = new LinkedHashMap<>();
        ids.put("conference", conference);
        ids.put("ticketType", ticketType);
        ids.put("attendee", attendee);
        ids.put("leaver", leaver);
        ids.put("victim", victim);
        ids.put("erasee", erasee);
        // webhooks first: the fixtures below are facts that leave deliveries to retry
        Map<String, Object> hook = Map.of("url", "http://127.0.0.1:9/never-listening", "events", List.of("*"));
        ids.put("victimHook", created("notifications", organizer, c + "/webhooks", hook));
        ids.put("hook", created("notifications", organizer, c + "/webhooks", hook));
        ids.put("shift", created("volunteering", organizer, c + "/shifts", Map.of("title", "Desk",
                "task", "desk", "location", "Lobby", "startsAt", "2027-05-14T08:00:00-07:00",
                "endsAt", "2027-05-14T10:00:00-07:00", "capacity", 1000)));
        created("volunteering", victimToken, c + "/shifts/" + ids.get("shift") + "/volunteers",
                Map.of("attendeeId", victim));
        ids.put("dinner", created("dinners", organizer, c + "/dinners", Map.of("name", "Dinner",
                "venue", "Museum", "startsAt", "2027-05-16T19:00:00-07:00", "seats", 1000, "priceCents", 100,
                "currency", "USD")));
        ids.put("ticket", created("dinners", owner, c + "/dinners/" + ids.get("dinner") + "/tickets",
                Map.of("attendeeId", attendee)));
        ids.put("victimTicket", created("dinners", victimToken, c + "/dinners/" + ids.get("dinner") + "/tickets",
                Map.of("attendeeId", victim)));
        ids.put("sprint", created("sprints", organizer, c + "/sprints", Map.of("project", "pip",
                "description", "packaging", "leaderAttendeeId", attendee, "capacity", 1000,
                "days", List.of("2027-05-20", "2027-05-21"))));
        created("sprints", victimToken, c + "/sprints/" + ids.get("sprint") + "/participants",
                Map.of("attendeeId", victim, "days", List.of("2027-05-20")));
        ids.put("delivery", await("a delivery").atMost(Duration.ofSeconds(30))
                .until(() -> services.get("notifications").http()
                        .get(c + "/webhooks/" + ids.get("hook") + "/deliveries", organizer).json(), d -> d.size() > 0)
                .get(0).get("id").asString().transform(UUID::fromString));
        List<UUID> bodyIds = List.of(attendee, victim, ticketType, ids.get("shift"), ids.get("dinner"),
                ids.get("sprint"));

        // what earlier tests in this JVM set going must not land while rejected requests are being counted
        FullStack.settle();
        Random random = new Random(SEED);
        List<String> broken = new ArrayList<>();
        Map<String, Integer> sent = new TreeMap<>();
        int rejected = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            RunningService service = services.get(endpoint.service());
            String path = path(endpoint, ids, random);
            Object body = endpoint.fields().isEmpty() && random.nextInt(3) > 0 ? null
                    : body(endpoint, bodyIds, random);
            String token = random.nextBoolean() ? organizer : owner;
            long before = head(service);
            Http.Response response = service.http().send(endpoint.method(), path, token, body, Map.of());
            sent.merge(endpoint.name(), 1, Integer::sum);
            if (response.status() < 300 && endpoint.service().equals("registration")
                    && (endpoint.method().equals("DELETE") || endpoint.path().endsWith("/erasure"))
                    && head(service) != before) {
                // a cancellation or an erasure takes its effect in the other services a moment later (volunteering
                // closes the person's schedule): let it land before the next rejected request is checked for changes
                FullStack.settle();
            }
            if (response.status() >= 500) {
                broken.add(endpoint.method() + " " + path + " " + body + " -> " + response);
            } else if (response.status() >= 400) {
                rejected++;
                if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
                    broken.add("not problem+json: " + endpoint.method() + " " + path + " -> " + response);
                }
                if (head(service) != before) {
                    broken.add("state changed by a rejected request: " + endpoint.method() + " " + path + " " + body);
                }
            }
            if (broken.size() > 20) {
                break;
            }
        }
        assertThat(broken).isEmpty();
        assertThat(sent).as("requests per endpoint").hasSize(ENDPOINTS.size())
                .allSatisfy((endpoint, count) -> assertThat(count).as(endpoint).isGreaterThan(REQUESTS / ENDPOINTS.size() / 2));
        assertThat(rejected).as("most generated requests are refused").isGreaterThan(REQUESTS / 2);

        hostileTextInEveryFreeTextFieldComesBackAsSent();
    }

    /**
     * Each free-text field of the contract, sent {@link #HOSTILE_TEXT}: accepted, and read back unchanged through the
     * API where an endpoint shows it, from the owning service's tables or event store where none does, and from the
     * replicas the other services keep of it.
     */
    private void hostileTextInEveryFreeTextFieldComesBackAsSent() {
        Http registration = services.get("registration").http();
        Http.Response opened = registration.post("/conferences", organizer, Map.of("name", HOSTILE_TEXT,
                "startsOn", "2027-05-14", "endsOn", "2027-05-22", "timeZone", "America/Los_Angeles"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        UUID conference = UUID.fromString(opened.json().get("id").asString());
        String c = "/conferences/" + conference;
        for (RunningService service : services.values()) {
            await("conference name in every service").atMost(Duration.ofSeconds(30)).until(() ->
                    HOSTILE_TEXT.equals(service.bean(JdbcClient.class)
                            .sql("select name from known_conference where conference_id = ?").param(conference)
                            .query(String.class).optional().orElse(null)));
        }

        assertThat(registration.post(c + "/organizers", organizer, Map.of("subject", HOSTILE_TEXT)).status())
                .isEqualTo(204);
        assertThat(services.get("registration").bean(JdbcClient.class)
                .sql("select subject from conference_organizer where conference_id = ? and subject = ?")
                .param(conference).param(HOSTILE_TEXT).query(String.class).list()).containsExactly(HOSTILE_TEXT);

        UUID ticketType = created("registration", organizer, c + "/ticket-types", Map.of("name", HOSTILE_TEXT,
                "priceCents", 100, "currency", "USD", "quota", 10));
        assertThat(registration.get(c + "/ticket-types/" + ticketType, organizer).json().get("name").asString())
                .isEqualTo(HOSTILE_TEXT);

        String owner = walk.token("bobby-tables");
        UUID bobby = created("registration", owner, c + "/registrations", Map.of("ticketTypeId", ticketType,
                "name", HOSTILE_TEXT, "email", HOSTILE_EMAIL));
        JsonNode registered = registration.get(c + "/registrations/" + bobby, owner).json();
        assertThat(registered.get("name").asString()).isEqualTo(HOSTILE_TEXT);
        assertThat(registered.get("email").asString()).isEqualTo(HOSTILE_EMAIL);
        UUID forSomeone = created("registration", organizer, c + "/registrations", Map.of("ticketTypeId", ticketType,
                "name", "Someone", "email", "someone@example.org", "subject", HOSTILE_TEXT));
        assertThat(registration.get(c + "/registrations/" + forSomeone, organizer).json().get("subject").asString())
                .isEqualTo(HOSTILE_TEXT);
        awaitKnown(conference, List.of(bobby, forSomeone));
        for (String name : List.of("volunteering", "dinners", "sprints")) {
            assertThat(services.get(name).bean(Attendees.class).find(conference, bobby).orElseThrow().name())
                    .as(name).isEqualTo(HOSTILE_TEXT);
            assertThat(services.get(name).bean(Attendees.class).find(conference, forSomeone).orElseThrow().subject())
                    .as(name).isEqualTo(HOSTILE_TEXT);
        }

        UUID shift = created("volunteering", organizer, c + "/shifts", Map.of("title", HOSTILE_TEXT,
                "task", HOSTILE_TEXT, "location", HOSTILE_TEXT, "startsAt", "2027-05-14T08:00:00-07:00",
                "endsAt", "2027-05-14T10:00:00-07:00", "capacity", 10));
        JsonNode listed = only(services.get("volunteering").http().get(c + "/shifts", owner).json(), shift);
        assertThat(List.of(listed.get("title").asString(), listed.get("task").asString(),
                listed.get("location").asString())).containsOnly(HOSTILE_TEXT);

        Http dinners = services.get("dinners").http();
        UUID dinner = created("dinners", organizer, c + "/dinners", Map.of("name", HOSTILE_TEXT,
                "venue", HOSTILE_TEXT, "startsAt", "2027-05-16T19:00:00-07:00", "seats", 10, "priceCents", 100,
                "currency", "USD"));
        assertThat(dinners.get(c + "/dinners/" + dinner, owner).json().get("name").asString()).isEqualTo(HOSTILE_TEXT);
        assertThat(only(dinners.get(c + "/dinners", owner).json(), dinner).get("venue").asString())
                .isEqualTo(HOSTILE_TEXT);
        UUID ticket = created("dinners", owner, c + "/dinners/" + dinner + "/tickets", Map.of("attendeeId", bobby,
                "dietaryRequirements", HOSTILE_TEXT));
        String tickets = c + "/dinners/" + dinner + "/tickets/" + ticket;
        assertThat(dinners.get(tickets, owner).json().get("dietaryRequirements").get(0).asString())
                .isEqualTo(HOSTILE_TEXT);
        Http.Response paid = dinners.post(tickets + "/payment", owner, Map.of("paymentReference", HOSTILE_TEXT));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(dinners.get(c + "/dinners/" + dinner + "/guests", organizer).json().get("guests").get(0)
                .get("dietaryRequirements").get(0).asString()).as("the paid guest's requirements").isEqualTo(HOSTILE_TEXT);
        // the store seals it under bobby's key; the copy of bobby's data shows it as it came
        JsonNode bobbysTickets = dinners.get(c + "/attendees/" + bobby + "/personal-data", owner).json().get("tickets");
        assertThat(only(bobbysTickets, ticket).get("paymentReference").asString()).as("payment reference")
                .isEqualTo(HOSTILE_TEXT);

        UUID sprint = created("sprints", organizer, c + "/sprints", Map.of("project", HOSTILE_TEXT,
                "description", HOSTILE_TEXT, "leaderAttendeeId", bobby, "capacity", 10, "days", List.of("2027-05-20")));
        JsonNode announced = services.get("sprints").http().get(c + "/sprints/" + sprint, owner).json();
        assertThat(announced.get("project").asString()).isEqualTo(HOSTILE_TEXT);
        assertThat(announced.get("description").asString()).isEqualTo(HOSTILE_TEXT);
    }

    private static JsonNode only(JsonNode list, UUID id) {
        List<JsonNode> found = list.valueStream().filter(e -> id.toString().equals(e.get("id").asString())).toList();
        assertThat(found).as("%s in %s", id, list).hasSize(1);
        return found.getFirst();
    }

    private static void awaitKnown(UUID conference, List<UUID> attendees) {
        for (String name : List.of("volunteering", "dinners", "sprints", "notifications")) {
            Attendees known = services.get(name).bean(Attendees.class);
            await(name + " knows the attendees").atMost(Duration.ofSeconds(30))
                    .until(() -> attendees.stream().allMatch(a -> known.find(conference, a).isPresent()));
        }
    }

    private static long head(RunningService service) {
        return service.bean(JdbcClient.class).sql("select coalesce(max(global_index), 0) from domain_event_entry")
                .query(Long.class).single();
    }

    private static String path(Endpoint endpoint, Map<String, UUID> ids, Random random) {
        String path = endpoint.path();
        for (var id : ids.entrySet()) {
            String value = switch (random.nextInt(20)) {
                case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
                case 1 -> "not-a-uuid";
                case 2 -> "%27%20or%201%3D1";
                default -> id.getValue().toString();
            };
            path = path.replace("{" + id.getKey() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (String parameter : endpoint.query().keySet()) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            String value = random.nextInt(3) == 0 ? HOSTILE_QUERY.get(random.nextInt(HOSTILE_QUERY.size()))
                    : Integer.toString(random.nextInt(30));
            query.append(query.isEmpty() ? '?' : '&').append(parameter).append('=').append(value);
        }
        return path + query;
    }

    private static Object body(Endpoint endpoint, List<UUID> ids, Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return "{\"unterminated\": ";
            case 1:
                return "[1, 2, 3]";
            case 2:
                return "\"just a string\"";
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                for (var field : endpoint.fields().entrySet()) {
                    int roll = random.nextInt(10);
                    if (roll == 0) {
                        continue;
                    }
                    body.put(field.getKey(), roll < 4 ? HOSTILE.get(random.nextInt(HOSTILE.size()))
                            : plausible(field.getValue(), ids, random));
                }
                if (random.nextInt(5) == 0) {
                    body.put("unexpected" + random.nextInt(100), HOSTILE.get(random.nextInt(HOSTILE.size())));
                }
                return body;
        }
    }

    private static Object plausible(Kind kind, List<UUID> ids, Random random) {
        return switch (kind) {
            case TEXT -> "Text " + random.nextInt(1000);
            case EMAIL -> "someone" + random.nextInt(1000) + "@example.org";
            case ID -> ids.get(random.nextInt(ids.size())).toString();
            case COUNT -> random.nextInt(50) - 5;
            case PRICE -> random.nextInt(100_000) - 10;
            case DATE -> "2027-05-2" + random.nextInt(10);
            case DATETIME -> "2027-05-1" + random.nextInt(10) + "T0" + random.nextInt(10) + ":00:00-07:00";
            case ZONE -> random.nextBoolean() ? "Europe/Berlin" : "Mars/Olympus_Mons";
            case CURRENCY -> random.nextBoolean() ? "EUR" : "XYZ";
            case DAYS -> List.of("2027-05-2" + random.nextInt(3));
            case ATTENDANCE -> random.nextBoolean() ? "PRESENT" : "ABSENT";
            case DIET -> random.nextBoolean() ? "vegetarian" : List.of("vegan", "no nuts " + random.nextInt(10));
        };
    }

    private static UUID created(String service, String token, String path, Object body) {
        Http.Response response = services.get(service).http().post(path, token, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }
}
