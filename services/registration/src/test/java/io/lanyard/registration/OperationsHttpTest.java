package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.messaging.KafkaBackboneProperties;
import io.lanyard.platform.observability.KafkaHealthIndicator;
import io.lanyard.platform.observability.ObservabilityProperties;
import io.lanyard.platform.operations.ReadModelTables;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.TcpProxy;

/** What operators and their tools see of a running service: health probes, metrics, API document, admin endpoints. */
@ServiceTest(properties = "spring.config.name=registration")
@Import(OperationsHttpTest.EffectLedger.class)
class OperationsHttpTest extends RegistrationTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void metrics_are_for_operators_and_health_for_everyone() {
        assertThat(http().get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(http().get("/actuator/prometheus", organizerToken("olivia")).status()).isEqualTo(403);
        assertThat(http().get("/actuator/metrics", attendeeToken("alice")).status()).isEqualTo(403);
        assertThat(http().get("/actuator/prometheus", operatorToken()).status()).isEqualTo(200);
        assertThat(http().get("/actuator/metrics", operatorToken()).status()).isEqualTo(200);
        assertThat(http().get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    /**
     * A request is observed once: its timer and span as {@code http.server.requests}, not once more around each of
     * Spring Security's filters, its authentication and its authorization (issue 20: their handlers' start and stop
     * cost CPU on every request).
     */
    @Test
    void a_request_is_observed_once_and_not_again_by_each_security_filter() {
        String organizer = organizerToken("olivia");
        createConference(organizer);
        assertThat(http().get("/actuator/health", null).status()).isEqualTo(200);

        String metrics = http().get("/actuator/prometheus", operatorToken()).body();

        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .doesNotContain("spring_security_filterchains")
                .doesNotContain("spring_security_authentications")
                .doesNotContain("spring_security_authorizations");
    }

    private String operatorToken() {
        return tokens.mint("otto", List.of("OPERATOR"));
    }

    @Test
    void health_answers_anonymous_callers_with_the_status_alone() {
        Http.Response health = http().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
    }

    @Test
    void liveness_and_readiness_are_separate_probes_and_readiness_covers_the_database_and_kafka() {
        assertThat(http().get("/actuator/health/liveness", null).json().get("status").asString()).isEqualTo("UP");
        Http.Response readiness = http().get("/actuator/health/readiness", operatorToken());
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        var components = readiness.json().get("components");
        assertThat(components.propertyNames()).containsExactlyInAnyOrder("readinessState", "db", "kafka");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("details").get("brokers").asInt()).isEqualTo(1);

        var liveness = http().get("/actuator/health/liveness", operatorToken()).json().get("components");
        assertThat(liveness.propertyNames()).containsExactly("livenessState");
    }

    @Test
    void kafka_is_down_for_the_readiness_probe_when_no_broker_answers() {
        KafkaBackboneProperties nowhere = new KafkaBackboneProperties("localhost:" + TcpProxy.freePort(), "",
                List.of(), "nobody", 1, (short) 1, Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ZERO, 1, 1,
                KafkaBackboneProperties.Security.none());
        KafkaHealthIndicator kafka = new KafkaHealthIndicator(nowhere,
                new ObservabilityProperties(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10)),
                Clock.systemUTC());
        try {
            long started = System.nanoTime();
            assertThat(kafka.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void prometheus_shows_commands_processor_lag_dead_letters_and_consumer_lag() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 5);
        String attendee = register(attendeeToken("mia"), conference, ticketType, "Mia").json().get("id").asString();
        String checkIn = "/conferences/" + conference + "/registrations/" + attendee + "/check-in";
        assertThat(http().post(checkIn, organizer, null).status()).isEqualTo(204);
        assertThat(http().post(checkIn, organizer, null).status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = http().get("/actuator/prometheus", operatorToken()).body();
            assertThat(metrics)
                    .contains("lanyard_commands_seconds_count{command=\"CreateConference\",outcome=\"success\"}")
                    .contains("lanyard_commands_seconds_count{command=\"CheckIn\",outcome=\"refused\"}")
                    .contains("lanyard_events_handled_seconds_count{event=\"AttendeeRegistered\",outcome=\"success\","
                            + "processor=\"registration-view\"}")
                    .containsPattern("(?m)^lanyard_dead_letters(\\{[^}]*})? \\d")
                    .containsPattern("(?m)^lanyard_kafka_consumer_lag\\{[^}]*topic=\"lanyard.dinners.v1\"[^}]*} \\d")
                    .containsPattern("(?m)^lanyard_kafka_consumer_group_lag\\{group=\"registration\"} \\d");
            long head = value(metrics, "(?m)^lanyard_eventstore_head(?:\\{[^}]*})? (\\S+)");
            assertThat(head).isPositive();
            Matcher lag = Pattern.compile("(?m)^lanyard_processor_lag\\{processor=\"integration-publisher\",segment=\"\\d+\"} (\\S+)")
                    .matcher(metrics);
            int segments = 0;
            while (lag.find()) {
                segments++;
                assertThat(Double.parseDouble(lag.group(1))).isBetween(0.0, (double) head + 1);
            }
            assertThat(segments).isPositive();
        });
    }

    private static long value(String metrics, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(metrics);
        assertThat(matcher.find()).as(pattern).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }

    @Test
    void the_openapi_document_lists_every_endpoint_of_the_contract_and_the_problem_slugs() {
        Http.Response docs = http().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        Map<String, List<String>> contract = Map.of(
                "/conferences", List.of("post"),
                "/conferences/{conferenceId}/organizers", List.of("post"),
                "/conferences/{conferenceId}/ticket-types", List.of("post"),
                "/conferences/{conferenceId}/ticket-types/{ticketTypeId}", List.of("get"),
                "/conferences/{conferenceId}/registrations", List.of("get", "post"),
                "/conferences/{conferenceId}/registrations/{attendeeId}", List.of("get", "delete"),
                "/conferences/{conferenceId}/registrations/{attendeeId}/check-in", List.of("post"),
                "/conferences/{conferenceId}/attendees/{attendeeId}/itinerary", List.of("get"));
        contract.forEach((path, methods) -> {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).propertyNames()).as(path).containsAll(methods);
        });

        var slugs = docs.json().get("info").get("x-problem-slugs");
        assertThat(slugs.get("sold-out").asInt()).isEqualTo(409);
        assertThat(slugs.get("already-checked-in").asInt()).isEqualTo(409);
        assertThat(slugs.get("not-registered").asInt()).isEqualTo(422);
        assertThat(slugs.get("validation-failed").asInt()).isEqualTo(400);
        assertThat(docs.json().get("info").get("description").asString()).contains("sold-out (409)");
        var problem = docs.json().get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail", "errors");
        assertThat(paths.get("/conferences/{conferenceId}/registrations").get("post").get("responses").get("default")
                .get("content").has("application/problem+json")).isTrue();
    }

    @Test
    void an_operator_rebuilds_the_registration_view_from_the_event_store() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 10);
        String alice = attendeeToken("alice");
        String bob = attendeeToken("bob");
        String aliceId = register(alice, conference, ticketType, "Alice").json().get("id").asString();
        String bobId = register(bob, conference, ticketType, "Bob").json().get("id").asString();
        String registrations = "/conferences/" + conference + "/registrations/";
        assertThat(http().delete(registrations + bobId, bob).status()).isEqualTo(204);
        assertThat(http().post(registrations + aliceId + "/check-in", organizer, null).status()).isEqualTo(204);

        // the damage a faulty projection or a manual fix would leave
        jdbc.sql("update registration_view set name = 'garbled', checked_in = false where conference_id = ?")
                .param(conference).update();
        jdbc.sql("delete from registration_view where attendee_id = ?").param(UUID.fromString(bobId)).update();
        jdbc.sql("delete from known_attendee where attendee_id = ?").param(UUID.fromString(bobId)).update();

        Http.Response replayed = http().post("/admin/read-models/registration-view/replay", operatorToken(), null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        // the view's own tables as RegistrationView declares them, then this test's ledger in the same group
        assertThat(replayed.json().get("tables").toString())
                .isEqualTo("[\"registration_view\",\"known_attendee\",\"" + EffectLedger.TABLE + "\"]");
        assertThat(replayed.json().get("eventsApplied").asLong()).isGreaterThanOrEqualTo(4);

        Http.Response aliceNow = http().get(registrations + aliceId, alice);
        assertThat(aliceNow.json().get("name").asString()).isEqualTo("Alice");
        assertThat(aliceNow.json().get("checkedIn").asBoolean()).isTrue();
        Http.Response bobNow = http().get(registrations + bobId, bob);
        assertThat(bobNow.status()).as(bobNow.toString()).isEqualTo(200);
        assertThat(bobNow.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select status from known_attendee where attendee_id = ?").param(UUID.fromString(bobId))
                .query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    void registrations_during_a_replay_are_neither_lost_nor_applied_twice() throws Exception {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 100);
        List<Future<Http.Response>> registrations = new ArrayList<>();
        List<Future<Http.Response>> replays = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                String name = "Runner" + i;
                registrations.add(pool.submit(() -> register(attendeeToken(name.toLowerCase()), conference, ticketType,
                        name)));
                if (i % 10 == 5) {
                    replays.add(pool.submit(() -> http().post("/admin/read-models/registration-view/replay",
                            operatorToken(), null)));
                }
            }
        }
        for (Future<Http.Response> replay : replays) {
            assertThat(replay.get().status()).as(replay.get().toString()).isEqualTo(200);
        }
        List<UUID> registered = new ArrayList<>();
        for (Future<Http.Response> registration : registrations) {
            assertThat(registration.get().status()).as(registration.get().toString()).isEqualTo(201);
            registered.add(UUID.fromString(registration.get().json().get("id").asString()));
        }
        assertThat(replays).hasSize(4);
        assertThat(registered).hasSize(40);

        // the ledger read model appends a row per application: a registration applied twice would show twice
        Map<UUID, Long> applications = new HashMap<>();
        jdbc.sql("select attendee_id, count(*) from " + EffectLedger.TABLE + " where conference_id = ? group by attendee_id")
                .param(conference)
                .query((RowCallbackHandler) rs -> applications.put(rs.getObject(1, UUID.class), rs.getLong(2)));
        assertThat(applications).as("applications per registration").containsOnlyKeys(registered)
                .allSatisfy((attendee, times) -> assertThat(times).as("applications of %s", attendee).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from registration_view where conference_id = ?").param(conference)
                .query(Long.class).single()).isEqualTo(registered.size());
        assertThat(jdbc.sql("select count(*) from known_attendee where conference_id = ?").param(conference)
                .query(Long.class).single()).isEqualTo(registered.size());
        Http.Response tickets = http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer);
        assertThat(tickets.json().get("sold").asLong()).isEqualTo(registered.size());
    }

    /**
     * A read model of the registration view's processing group, replayed with it, that appends a row each time an
     * {@code AttendeeRegistered} is applied to it and has no uniqueness of its own: unlike {@code registration_view}
     * (keyed by attendee, so a second application would be absorbed or refused), it shows an event applied twice.
     */
    @ProcessingGroup("registration-view")
    @ReadModelTables(EffectLedger.TABLE)
    static class EffectLedger {

        static final String TABLE = "test_registration_view_applications";
        private final JdbcClient jdbc;

        EffectLedger(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("create table if not exists " + TABLE + " (attendee_id uuid not null, conference_id uuid not null)")
                    .update();
        }

        @EventHandler
        void on(AttendeeRegistered event) {
            jdbc.sql("insert into " + TABLE + " (attendee_id, conference_id) values (?, ?)")
                    .params(event.attendeeId(), event.conferenceId()).update();
        }
    }

    @Test
    void only_operators_replay_and_only_read_models_that_name_their_tables() {
        String replay = "/admin/read-models/registration-view/replay";
        assertThat(http().post(replay, organizerToken("olivia"), null).status()).isEqualTo(403);
        assertThat(http().post(replay, null, null).status()).isEqualTo(401);

        Http.Response streaming = http().post("/admin/read-models/integration-publisher/replay", operatorToken(), null);
        assertThat(streaming.status()).isEqualTo(409);
        assertThat(streaming.problem()).isEqualTo("not-replayable");
        assertThat(http().post("/admin/read-models/no-such-view/replay", operatorToken(), null).status())
                .isEqualTo(404);

        Http.Response listed = http().get("/admin/read-models", operatorToken());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().values()).anySatisfy(model -> {
            assertThat(model.get("name").asString()).isEqualTo("registration-view");
            assertThat(model.get("replayable").asBoolean()).isTrue();
        });
        assertThat(listed.json().values()).anySatisfy(model -> {
            assertThat(model.get("name").asString()).isEqualTo("integration-publisher");
            assertThat(model.get("replayable").asBoolean()).isFalse();
        });
    }
}
