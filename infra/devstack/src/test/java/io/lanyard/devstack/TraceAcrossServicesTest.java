package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.stereotype.Component;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.registration.RegistrationApplication;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * One attendee's registration, followed through two services by its trace id: the HTTP request in registration, the
 * command and its events, the Kafka record, and dinners applying it. Both services log JSON lines (the production
 * format); the id in registration's publishing line and in dinners' consuming line must be the request's.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceAcrossServicesTest {

    /** Sees registration's domain events in the command's own thread, so it knows the request's trace id. */
    @Component
    @ProcessingGroup("trace-probe")
    static class TraceProbe {

        static final Map<String, String> TRACE_BY_EVENT_ID = new ConcurrentHashMap<>();

        @EventHandler
        void on(Object payload, EventMessage<?> message) {
            String traceId = MDC.get("traceId");
            if (traceId != null) {
                TRACE_BY_EVENT_ID.put(message.getIdentifier(), traceId);
            }
        }
    }

    private static final String[] PROPERTIES = {
            "logging.structured.format.console", "logging.level.io.lanyard.platform.messaging",
            "management.tracing.sampling.probability"};
    /**
     * The consumer's threads (the poller and its workers, which apply the records) are named after its group, which
     * RunningService prefixes with the service (its ACL).
     */
    private static final String DINNERS_CONSUMER = "lanyard-consumer-dinners-trace_dinners";
    private static RunningService registration;
    private static RunningService dinners;

    @BeforeAll
    static void start() {
        // the services share this JVM's logging; JSON lines as in production, and the messaging seams' debug lines
        System.setProperty(PROPERTIES[0], "ecs");
        System.setProperty(PROPERTIES[1], "DEBUG");
        // no trace recorded: the trace id must travel all the same (most requests are not sampled in production)
        System.setProperty(PROPERTIES[2], "0");
        String kafka = EmbeddedInfrastructure.kafka().getBrokersAsString();
        registration = RunningService.start(RegistrationApplication::application, "trace_registration", kafka,
                TraceProbe.class);
        dinners = RunningService.start(DinnersApplication::application, "trace_dinners", kafka);
    }

    @AfterAll
    static void stop() {
        dinners.close();
        registration.close();
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    void one_registration_has_one_trace_id_in_the_logs_of_registration_and_dinners(CapturedOutput output) {
        Walkthrough walk = new Walkthrough(registration);
        String organizer = walk.token("olivia", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        UUID ticketType = walk.ticketType(organizer, conference, 10);
        walk.register(walk.token("alice"), conference, ticketType, "Alice");

        // the one of this test's registration service: its probe saw the event
        JsonNode published = await().atMost(Duration.ofSeconds(20)).until(
                () -> lines(output).stream()
                        .filter(l -> l.get("message").asString()
                                .startsWith("Publishing registration.attendee-registered"))
                        .filter(l -> TraceProbe.TRACE_BY_EVENT_ID.containsKey(eventId(l)))
                        .findFirst(), Optional::isPresent).orElseThrow();
        String eventId = eventId(published);
        String requestTrace = TraceProbe.TRACE_BY_EVENT_ID.get(eventId);
        assertThat(requestTrace).as("trace id in the HTTP request's thread").isNotBlank();
        assertThat(published.get("traceId").asString()).isEqualTo(requestTrace);

        // other services' consumers in this JVM may see the record too; dinners' is the one that counts here
        JsonNode consumed = await().atMost(Duration.ofSeconds(20)).until(
                () -> lines(output).stream()
                        .filter(l -> isDinnersConsumer(thread(l)))
                        .filter(l -> l.get("message").asString()
                                .startsWith("Consumed registration.attendee-registered " + eventId))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(consumed.get("traceId").asString()).isEqualTo(requestTrace);
        assertThat(consumed.get("spanId").asString()).isNotEqualTo(published.get("spanId").asString());
    }

    @Test
    void a_callers_traceparent_is_continued_through_both_services(CapturedOutput output) {
        Walkthrough walk = new Walkthrough(registration);
        String organizer = walk.token("olivia", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        UUID ticketType = walk.ticketType(organizer, conference, 10);
        String callersTrace = UUID.randomUUID().toString().replace("-", "");
        Http.Response registered = registration.http().send("POST", "/conferences/" + conference + "/registrations",
                walk.token("bob"),
                Map.of("ticketTypeId", ticketType.toString(), "name", "Bob", "email", "bob@example.org"),
                Map.of("traceparent", "00-" + callersTrace + "-00f067aa0ba902b7-01"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).until(
                () -> lines(output).stream()
                        .filter(l -> isDinnersConsumer(thread(l)))
                        .filter(l -> l.get("message").asString()
                                .startsWith("Consumed registration.attendee-registered"))
                        .anyMatch(l -> callersTrace.equals(l.path("traceId").asString(null))));
        assertThat(lines(output)).anySatisfy(l -> {
            assertThat(l.get("message").asString()).startsWith("Publishing registration.attendee-registered");
            assertThat(l.path("traceId").asString(null)).isEqualTo(callersTrace);
        });
    }

    private static boolean isDinnersConsumer(String thread) {
        return thread != null && thread.startsWith(DINNERS_CONSUMER + "-");
    }

    private static String thread(JsonNode line) {
        return line.path("process").path("thread").path("name").asString();
    }

    private static String eventId(JsonNode line) {
        return line.get("message").asString().split(" ")[2];
    }

    private static List<JsonNode> lines(CapturedOutput output) {
        return output.getOut().lines()
                .filter(l -> l.startsWith("{"))
                .map(Http.JSON::readTree)
                .filter(l -> l.has("message"))
                .toList();
    }
}
