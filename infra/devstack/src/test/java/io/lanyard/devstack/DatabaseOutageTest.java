package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

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
    void requests_during_a_database_restart_get_503_and_the_service_recovers_by_itself() throws IOException {
        Walkthrough walk = new Walkthrough(registration);
        String organizer = walk.token("olivia", "ORGANIZER");
        UUID conference = walk.conference(organizer);
        UUID ticketType = walk.ticketType(organizer, conference, 100);
        for (int i = 0; i < 5; i++) {
            walk.register(walk.token("before-" + i), conference, ticketType, "Before");
        }

        postgres.close();
        Http http = registration.http();
        for (int i = 0; i < 3; i++) {
            Http.Response refused = http.post("/conferences/" + conference + "/registrations", walk.token("during-" + i),
                    Map.of("ticketTypeId", ticketType.toString(), "name", "During", "email", "d@example.org"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.problem()).isEqualTo("service-unavailable");
        }

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
