package io.lanyard.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.platform.messaging.KafkaAccess;
import io.lanyard.registration.RegistrationApplication;
import io.lanyard.sprints.SprintsApplication;
import io.lanyard.volunteering.VolunteeringApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole of Lanyard on one machine with nothing but a JDK: a real PostgreSQL (one database per service) and a
 * real single-node KRaft Kafka broker (SASL/SCRAM, each service its own principal and ACLs), both embedded, then the
 * four services in the {@code dev} profile.
 * PostgreSQL keeps its data under {@code .lanyard/} between runs; {@code --clean} starts from nothing.
 */
public final class Devstack {

    private record Service(String name, Supplier<SpringApplicationBuilder> application) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service(RegistrationApplication.NAME, RegistrationApplication::application),
            new Service(VolunteeringApplication.NAME, VolunteeringApplication::application),
            new Service(DinnersApplication.NAME, DinnersApplication::application),
            new Service(SprintsApplication.NAME, SprintsApplication::application));

    private Devstack() {
    }

    public static void main(String[] args) throws Exception {
        boolean clean = Arrays.asList(args).contains("--clean");
        Path home = Path.of(env("LANYARD_HOME", ".lanyard")).toAbsolutePath();
        int postgresPort = Integer.parseInt(env("LANYARD_DEVSTACK_PG_PORT", "15432"));
        if (clean) {
            FileSystemUtils.deleteRecursively(home);
        }
        Files.createDirectories(home);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(home.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .start();
        // SASL/SCRAM and ACLs as in production; the passwords are new on every start and live only in this process
        String adminPassword = secret();
        Map<String, String> passwords = new LinkedHashMap<>();
        SERVICES.forEach(service -> passwords.put(service.name(), secret()));
        Map<String, String> brokerProperties = new HashMap<>(KafkaAccess.embeddedBrokerProperties(adminPassword));
        brokerProperties.put("auto.create.topics.enable", "false");
        brokerProperties.put("group.initial.rebalance.delay.ms", "0");
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaKraftBroker(1, 6).brokerProperties(brokerProperties);
        kafka.afterPropertiesSet();
        try (Admin admin = Admin.create(KafkaAccess.adminConnection(kafka.getBrokersAsString(), adminPassword))) {
            KafkaAccess.provisionAndAwait(admin, passwords, KafkaAccess.SERVICES.stream()
                    .flatMap(grant -> KafkaAccess.bindings(grant).stream())
                    .toList());
        }

        List<ConfigurableApplicationContext> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
            kafka.destroy();
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }, "lanyard-devstack-shutdown"));

        for (Service service : SERVICES) {
            createDatabase(postgres, service.name());
            running.add(service.application().get()
                    .profiles("dev")
                    // our hook closes the services first, then Kafka, then PostgreSQL
                    .registerShutdownHook(false)
                    .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", service.name()),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--lanyard.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                            "--lanyard.kafka.security.protocol=SASL_PLAINTEXT",
                            "--lanyard.kafka.security.username=" + service.name(),
                            "--lanyard.kafka.security.password=" + passwords.get(service.name())));
        }

        System.out.printf("""

                Lanyard devstack is up (state in %s%s)
                  registration  http://localhost:%s
                  volunteering  http://localhost:%s
                  dinners       http://localhost:%s
                  sprints       http://localhost:%s
                  PostgreSQL    localhost:%d (user postgres)   Kafka  %s (SASL_PLAINTEXT, PLAIN admin / %s)
                Get a token:  curl -s -XPOST localhost:8081/dev/tokens -H 'Content-Type: application/json' \\
                                -d '{"subject":"alice","roles":["ORGANIZER"]}'
                Ctrl-C stops everything.
                %n""", home, clean ? ", started clean" : "",
                port(running.get(0)), port(running.get(1)), port(running.get(2)), port(running.get(3)),
                postgresPort, kafka.getBrokersAsString(), adminPassword);
    }

    private static String port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port");
    }

    private static void createDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + name);
            }
        }
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
