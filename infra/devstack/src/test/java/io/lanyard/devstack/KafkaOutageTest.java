package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.registration.RegistrationApplication;
import io.lanyard.testsupport.EmbeddedInfrastructure;

/**
 * Kafka goes away for 12 seconds, four times the publisher's delivery timeout, while attendees keep registering. The event store is the source of truth: every
 * registration succeeds during the outage, and once the broker is back the backlog drains within a minute and
 * every event reaches dinners and takes effect once, counted when registration has published everything and dinners
 * has consumed it to the end.
 */
class KafkaOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration PACE = Duration.ofMillis(100);
    private static EmbeddedInfrastructure.ProxiedKafka kafka;
    private static RunningService registration;
    private static RunningService dinners;

    @BeforeAll
    static void start() {
        kafka = EmbeddedInfrastructure.kafkaBehindProxy();
        registration = RunningService.start(RegistrationApplication::application, "outage_registration",
                kafka.bootstrapServers());
        dinners = RunningService.start(DinnersApplication::application, "outage_dinners", kafka.bootstrapServers(),
                EffectLedger.class);
    }

    @AfterAll
    static void stop() {
        dinners.close();
        registration.close();
        kafka.close();
    }

    @Test
    void registrations_made_while_kafka_is_down_reach_dinners_exactly_once_when_it_is_back() {
        Walkthrough walk = new Walkthrough(registration);
        String organizer = walk.token("olivia", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        UUID ticketType = walk.ticketType(organizer, conference, 10_000);
        Attendees known = dinners.bean(Attendees.class);
        UUID before = walk.register(walk.token("early-bird"), conference, ticketType, "Early Bird");
        await().atMost(Duration.ofSeconds(30)).until(() -> known.find(conference, before).isPresent());

        kafka.proxy().cut();
        List<UUID> during = new ArrayList<>();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < outageEnds) {
            during.add(walk.register(walk.token("offline-" + during.size()), conference, ticketType, "Offline"));
            LockSupport.parkNanos(PACE.toNanos());
        }
        assertThat(during).hasSizeGreaterThan(20)
                .allSatisfy(id -> assertThat(known.find(conference, id)).isEmpty());

        kafka.proxy().restore();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> during.stream().allMatch(id -> known.find(conference, id).isPresent()));

        // a record behind the last arrival (a re-publish, a redelivery) would double an effect after this moment
        Settled.settle(kafka.bootstrapServers(), List.of(registration.bean(JdbcClient.class)),
                Map.of("dinners-outage_dinners", List.of(EventCatalogue.REGISTRATION_TOPIC)), Duration.ofSeconds(60));
        assertThat(EffectLedger.effects(dinners, before)).isEqualTo(1);
        assertThat(during).allSatisfy(id -> assertThat(EffectLedger.effects(dinners, id)).isEqualTo(1));
    }
}
