package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.zaxxer.hikari.HikariDataSource;

import io.lanyard.registration.RegistrationApplication;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.TcpProxy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL restarts under a running service: requests meanwhile get a quick 503 problem, never a hang or a 500;
 * afterwards the service reconnects by itself and its read models agree with its event store.
 */
class DatabaseOutageTest {

    /** What answering may add to the pool's wait on a busy two-core machine; a hang would be the client's 60 s. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(2);

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static RunningService registration;

    @BeforeAll
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("lanyard-pg-outage");
        port = TcpProxy.freePort();
        postgres = startPostgres();
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("create database registration");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        registration = RunningService.startWith(RegistrationApplication::application, "outage_pg_registration",
                EmbeddedInfrastructure.kafka().getBrokersAsString(),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "registration"),
                "--spring.datasource.hikari.connection-timeout=2000");
    }

    @AfterAll
    static void stop() throws IOException {
        registration.close();
        postgres.close();
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    @Test
    void requests_during_a_database_restart_get_503_and_the_service_recovers_by_itself() throws Exception {
        Walkthrough walk = new Walkthrough(registration);
        String organizer = walk.token("olivia", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        UUID ticketType = walk.ticketType(organizer, conference, 100);
        for (int i = 0; i < 5; i++) {
            walk.register(walk.token("before-" + i), conference, ticketType, "Before");
        }

        // the pool waits this long for a connection before giving up; the answer may take that and a little more
        Duration poolTimeout = Duration.ofMillis(registration.bean(DataSource.class).unwrap(HikariDataSource.class)
                .getConnectionTimeout());
        assertThat(poolTimeout).isEqualTo(Duration.ofSeconds(2));
        Duration bound = poolTimeout.plus(ANSWER_MARGIN);
        postgres.close();
        Http http = registration.http();
        List<Duration> took = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = walk.token("during-" + i);
            long started = System.nanoTime();
            Http.Response refused = http.post("/conferences/" + conference + "/registrations", token,
                    Map.of("ticketTypeId", ticketType.toString(), "name", "During", "email", "d@example.org"));
            took.add(Duration.ofNanos(System.nanoTime() - started));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.problem()).isEqualTo("service-unavailable");
            assertThat(took.getLast()).as("answered within the pool's %s timeout and %s", poolTimeout, ANSWER_MARGIN)
                    .isLessThan(bound);
        }
        System.out.printf("database outage: 3 requests answered 503 after %s (pool timeout %s)%n", took, poolTimeout);

        postgres = startPostgres();
        await().atMost(Duration.ofSeconds(60)).until(() -> http.post("/conferences/" + conference + "/registrations",
                walk.token("after"), Map.of("ticketTypeId", ticketType.toString(), "name", "After",
                        "email", "a@example.org")).status() == 201);

        JdbcClient jdbc = registration.bean(JdbcClient.class);
        long inStore = jdbc.sql("""
                        select count(*) from domain_event_entry
                        where payload_type = 'io.lanyard.registration.registrations.write.AttendeeRegistered'""")
                .query(Long.class).single();
        long inView = jdbc.sql("select count(*) from registration_view where conference_id = ?")
                .param(conference).query(Long.class).single();
        assertThat(inView).isEqualTo(6).isEqualTo(inStore);
        assertThat(http.get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer).json()
                .get("sold").asInt()).isEqualTo(6);
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .start();
    }
}
