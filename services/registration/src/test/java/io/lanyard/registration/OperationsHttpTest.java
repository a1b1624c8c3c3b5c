package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import io.lanyard.platform.messaging.KafkaBackboneProperties;
import io.lanyard.platform.observability.KafkaHealthIndicator;
import io.lanyard.platform.observability.ObservabilityProperties;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.testsupport.TcpProxy;

/** What operators and their tools see of a running service: health probes, metrics, API document, admin endpoints. */
@ServiceTest(properties = "spring.config.name=registration")
class OperationsHttpTest extends RegistrationTestSupport {

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
                List.of(), "nobody", 1, (short) 1, Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ZERO);
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
            String metrics = http().get("/actuator/prometheus", null).body();
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
}
