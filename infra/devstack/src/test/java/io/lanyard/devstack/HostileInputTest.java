package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.testsupport.Http;

/**
 * Ten thousand generated requests across every endpoint with a body or an id: wrong types, missing and extra
 * fields, huge and hostile strings, impossible dates and numbers, garbage instead of JSON, unknown and malformed
 * ids. Never a 5xx; every 4xx is problem+json; a rejected request leaves the service's event store as it was; and
 * hostile text that is accepted comes back exactly as it went in.
 */
class HostileInputTest {

    /** The fixtures' shifts, dinners and sprint days fall in this conference's week (they must: docs/api.md v1.1). */
    private static final String STARTS_ON = "2099-05-14";
    private static final String ENDS_ON = "2099-05-22";

    private static final int REQUESTS = 10_000;
    private static final long SEED = 20271114L;
    private static final List<Object> HOSTILE = List.of("", " ", "'; drop table registration_view; --",
            "<script>alert(1)</script>", "${jndi:ldap://localhost/x}", "../../../../etc/passwd", "\u0000\u0007",
            "Ω≈ç√∫˜µ≤≥÷ 🎟️", "x".repeat(5_000), -1, 0, Long.MIN_VALUE, Double.MAX_VALUE, 1.5, true, List.of(),
            Map.of("nested", "object"), "2027-02-30", "2027-05-14T25:61:00+99:00", "not-a-uuid",
            "00000000-0000-0000-0000-000000000000");

    private enum Kind { TEXT, EMAIL, ID, COUNT, PRICE, DATE, DATETIME, ZONE, CURRENCY, DAYS, ATTENDANCE }

    private record Endpoint(String service, String method, String path, Map<String, Kind> fields) {
    }

    @Test
    void generated_hostile_requests_never_break_a_service_or_change_state_when_rejected() {
        var services = FullStack.services();
        Walkthrough walk = new Walkthrough(services.get("registration"));
        String organizer = walk.token("hostile-organizer", "ORGANIZER");
        UUID conference = walk.conference(organizer, STARTS_ON, ENDS_ON, "America/Los_Angeles");
        UUID ticketType = walk.ticketType(organizer, conference, 100_000);
        String owner = walk.token("hostile-owner");
        UUID attendee = walk.register(owner, conference, ticketType, "Hostile Owner");
        for (String name : List.of("volunteering", "dinners", "sprints")) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    services.get(name).bean(Attendees.class).find(conference, attendee).isPresent());
        }
        String c = "/conferences/" + conference;
        Map<String, UUID> ids = new LinkedHashMap<>();
        ids.put("conference", conference);
        ids.put("ticketType", ticketType);
        ids.put("attendee", attendee);
        ids.put("shift", created(services.get("volunteering").http(), organizer, c + "/shifts", Map.of("title", "Desk",
                "task", "desk", "location", "Lobby", "startsAt", "2099-05-14T08:00:00-07:00",
                "endsAt", "2099-05-14T10:00:00-07:00", "capacity", 1000)));
        ids.put("dinner", created(services.get("dinners").http(), organizer, c + "/dinners", Map.of("name", "Dinner",
                "venue", "Museum", "startsAt", "2099-05-16T19:00:00-07:00", "seats", 1000, "priceCents", 100,
                "currency", "USD")));
        ids.put("ticket", created(services.get("dinners").http(), owner, c + "/dinners/" + ids.get("dinner") + "/tickets",
                Map.of("attendeeId", attendee)));
        ids.put("sprint", created(services.get("sprints").http(), organizer, c + "/sprints", Map.of("project", "pip",
                "description", "packaging", "leaderAttendeeId", attendee, "capacity", 1000,
                "days", List.of("2099-05-20", "2099-05-21"))));

        List<Endpoint> endpoints = List.of(
                new Endpoint("registration", "POST", "/conferences", Map.of("name", Kind.TEXT, "startsOn", Kind.DATE,
                        "endsOn", Kind.DATE, "timeZone", Kind.ZONE)),
                new Endpoint("registration", "POST", "/conferences/{conference}/organizers", Map.of("subject", Kind.TEXT)),
                new Endpoint("registration", "POST", "/conferences/{conference}/ticket-types", Map.of("name", Kind.TEXT,
                        "priceCents", Kind.PRICE, "currency", Kind.CURRENCY, "quota", Kind.COUNT)),
                new Endpoint("registration", "GET", "/conferences/{conference}/ticket-types/{ticketType}", Map.of()),
                new Endpoint("registration", "POST", "/conferences/{conference}/registrations", Map.of("ticketTypeId",
                        Kind.ID, "name", Kind.TEXT, "email", Kind.EMAIL)),
                new Endpoint("registration", "GET", "/conferences/{conference}/registrations/{attendee}", Map.of()),
                new Endpoint("registration", "POST", "/conferences/{conference}/registrations/{attendee}/check-in", Map.of()),
                new Endpoint("registration", "GET", "/conferences/{conference}/attendees/{attendee}/itinerary", Map.of()),
                new Endpoint("volunteering", "PUT", "/conferences/{conference}/volunteer-policy", Map.of(
                        "maxHoursPerDay", Kind.COUNT, "minRestMinutes", Kind.COUNT, "noShowLimit", Kind.COUNT)),
                new Endpoint("volunteering", "POST", "/conferences/{conference}/shifts", Map.of("title", Kind.TEXT,
                        "task", Kind.TEXT, "location", Kind.TEXT, "startsAt", Kind.DATETIME, "endsAt", Kind.DATETIME,
                        "capacity", Kind.COUNT)),
                new Endpoint("volunteering", "POST", "/conferences/{conference}/shifts/{shift}/volunteers",
                        Map.of("attendeeId", Kind.ID)),
                new Endpoint("volunteering", "POST",
                        "/conferences/{conference}/shifts/{shift}/volunteers/{attendee}/attendance",
                        Map.of("status", Kind.ATTENDANCE)),
                new Endpoint("volunteering", "GET", "/conferences/{conference}/volunteers/{attendee}/shifts.ics", Map.of()),
                new Endpoint("dinners", "POST", "/conferences/{conference}/dinners", Map.of("name", Kind.TEXT,
                        "venue", Kind.TEXT, "startsAt", Kind.DATETIME, "seats", Kind.COUNT, "priceCents", Kind.PRICE,
                        "currency", Kind.CURRENCY)),
                new Endpoint("dinners", "POST", "/conferences/{conference}/dinners/{dinner}/tickets", Map.of(
                        "attendeeId", Kind.ID, "dietaryRequirements", Kind.TEXT)),
                new Endpoint("dinners", "POST", "/conferences/{conference}/dinners/{dinner}/tickets/{ticket}/payment",
                        Map.of("paymentReference", Kind.TEXT)),
                new Endpoint("dinners", "GET", "/conferences/{conference}/dinners/{dinner}/tickets/{ticket}", Map.of()),
                new Endpoint("sprints", "POST", "/conferences/{conference}/sprints", Map.of("project", Kind.TEXT,
                        "description", Kind.TEXT, "leaderAttendeeId", Kind.ID, "capacity", Kind.COUNT, "days", Kind.DAYS)),
                new Endpoint("sprints", "POST", "/conferences/{conference}/sprints/{sprint}/participants", Map.of(
                        "attendeeId", Kind.ID, "days", Kind.DAYS)),
                new Endpoint("sprints", "POST",
                        "/conferences/{conference}/sprints/{sprint}/participants/{attendee}/attendance",
                        Map.of("day", Kind.DATE)));

        Random random = new Random(SEED);
        List<String> broken = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            RunningService service = services.get(endpoint.service());
            String path = path(endpoint.path(), ids, random);
            Object body = endpoint.fields().isEmpty() && random.nextInt(3) > 0 ? null : body(endpoint, ids, random);
            String token = random.nextBoolean() ? organizer : owner;
            long before = head(service);
            Http.Response response = service.http().send(endpoint.method(), path, token, body, Map.of());
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
        assertThat(rejected).as("most generated requests are refused").isGreaterThan(REQUESTS / 2);

        String hostileName = "Robert'); DROP TABLE registration_view;-- <script>alert(1)</script> ${jndi:x}";
        String hostileOwner = walk.token("bobby-tables");
        UUID bobby = walk.register(hostileOwner, conference, ticketType, hostileName);
        assertThat(services.get("registration").http().get(c + "/registrations/" + bobby, hostileOwner).json()
                .get("name").asString()).isEqualTo(hostileName);
    }

    private static long head(RunningService service) {
        return service.bean(JdbcClient.class).sql("select coalesce(max(global_index), 0) from domain_event_entry")
                .query(Long.class).single();
    }

    private static String path(String template, Map<String, UUID> ids, Random random) {
        String path = template;
        for (var id : ids.entrySet()) {
            String value = switch (random.nextInt(20)) {
                case 0 -> UUID.randomUUID().toString();
                case 1 -> "not-a-uuid";
                case 2 -> "%27%20or%201%3D1";
                default -> id.getValue().toString();
            };
            path = path.replace("{" + id.getKey() + "}", value);
        }
        return path;
    }

    private static Object body(Endpoint endpoint, Map<String, UUID> ids, Random random) {
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

    private static Object plausible(Kind kind, Map<String, UUID> ids, Random random) {
        return switch (kind) {
            case TEXT -> "Text " + random.nextInt(1000);
            case EMAIL -> "someone" + random.nextInt(1000) + "@example.org";
            case ID -> random.nextBoolean() ? ids.get("attendee").toString() : ids.get("ticketType").toString();
            case COUNT -> random.nextInt(50) - 5;
            case PRICE -> random.nextInt(100_000) - 10;
            case DATE -> "2099-05-2" + random.nextInt(10);
            case DATETIME -> "2099-05-1" + random.nextInt(10) + "T0" + random.nextInt(10) + ":00:00-07:00";
            case ZONE -> random.nextBoolean() ? "Europe/Berlin" : "Mars/Olympus_Mons";
            case CURRENCY -> random.nextBoolean() ? "EUR" : "XYZ";
            case DAYS -> List.of("2099-05-2" + random.nextInt(3));
            case ATTENDANCE -> random.nextBoolean() ? "PRESENT" : "ABSENT";
        };
    }

    private static UUID created(Http http, String token, String path, Object body) {
        Http.Response response = http.post(path, token, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }
}
