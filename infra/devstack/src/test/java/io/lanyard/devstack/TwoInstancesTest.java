package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.registration.RegistrationApplication;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;

/**
 * Two registration instances on one database, each with its own aggregate cache, sell one quota at the same time;
 * then one is replaced by a fresh instance. The quota holds throughout, appends that collide with the other
 * instance's are tried again, and the two live instances share the publishing.
 */
class TwoInstancesTest {

    private static final String DATABASE = "twins_registration";
    private static RunningService first;
    private static RunningService second;

    @BeforeAll
    static void start() {
        String kafka = EmbeddedInfrastructure.kafka().getBrokersAsString();
        first = RunningService.start(RegistrationApplication::application, DATABASE, kafka, Collisions.class);
        second = RunningService.start(RegistrationApplication::application, DATABASE, kafka, Collisions.class);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void two_instances_on_one_database_never_oversell_retry_appends_that_collide_and_a_restart_keeps_the_count()
            throws Exception {
        Walkthrough walk = new Walkthrough(first);
        String organizer = walk.token("olivia", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        int quota = 100;
        UUID ticketType = walk.ticketType(organizer, conference, quota);

        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < 500; i++) {
                Http http = (i % 2 == 0 ? first : second).http();
                String token = walk.token("twin-" + i);
                answers.add(pool.submit(() -> http.post("/conferences/" + conference + "/registrations", token,
                        Map.of("ticketTypeId", ticketType.toString(), "name", "Twin", "email", "t@example.org"))));
            }
        }
        int sold = 0;
        String someone = null;
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            if (response.status() == 201) {
                sold++;
                someone = response.json().get("id").asString();
            } else {
                assertThat(response.problem()).as(response.toString()).isEqualTo("sold-out");
            }
        }
        assertThat(sold).isEqualTo(quota);
        assertThat(confirmed(conference)).isEqualTo(quota);
        // appends decided from a cache the other instance had moved on collided, and were tried again: no 500 above
        int collisions = first.bean(Collisions.class).count() + second.bean(Collisions.class).count();
        assertThat(collisions).as("appends that collided with the other instance's").isPositive();
        System.out.printf("two instances: %d sold of 500 at quota %d after %d collided appends, each retried%n", sold,
                quota, collisions);

        second.close();
        second = RunningService.start(RegistrationApplication::application, DATABASE,
                EmbeddedInfrastructure.kafka().getBrokersAsString(), Collisions.class);
        Http restarted = second.http();
        assertThat(restarted.get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer).json()
                .get("sold").asInt()).isEqualTo(quota);
        assertThat(restarted.post("/conferences/" + conference + "/registrations", walk.token("late"),
                Map.of("ticketTypeId", ticketType.toString(), "name", "Late", "email", "l@example.org")).problem())
                .isEqualTo("sold-out");

        // a seat given back through the new instance can be sold through the old one, whose cache is behind
        assertThat(restarted.delete("/conferences/" + conference + "/registrations/" + someone, organizer).status())
                .isEqualTo(204);
        Http.Response resold = first.http().post("/conferences/" + conference + "/registrations", walk.token("lucky"),
                Map.of("ticketTypeId", ticketType.toString(), "name", "Lucky", "email", "lucky@example.org"));
        assertThat(resold.status()).as(resold.toString()).isEqualTo(201);
        assertThat(confirmed(conference)).isEqualTo(quota);
    }

    @Test
    void the_two_instances_share_the_publishers_segments() {
        await("both live instances publish").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> live = List.of(nodeId(first), nodeId(second));
            assertThat(live).as("each instance's node id").doesNotHaveDuplicates();
            Map<Integer, String> owners = new TreeMap<>();
            first.bean(JdbcClient.class)
                    .sql("select segment, owner from token_entry where processor_name = 'integration-publisher'")
                    .query((RowCallbackHandler) rs -> owners.put(rs.getInt("segment"), rs.getString("owner")));
            assertThat(owners).hasSize(4).doesNotContainValue(null);
            assertThat(Set.copyOf(owners.values())).as("owners of %s, live %s", owners, live)
                    .containsExactlyInAnyOrderElementsOf(live);
        });
    }

    /** The owner an instance writes into its claims ({@code pid@host/uuid}, one per application context). */
    private static String nodeId(RunningService instance) {
        String node = instance.context().getBean("processorNode").toString();
        return node.substring(node.indexOf("id=") + 3, node.lastIndexOf(']'));
    }

    private static long confirmed(UUID conference) {
        return first.bean(JdbcClient.class)
                .sql("select count(*) from registration_view where conference_id = ? and status = 'CONFIRMED'")
                .param(conference).query(Long.class).single();
    }
}
