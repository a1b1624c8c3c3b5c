package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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
}
