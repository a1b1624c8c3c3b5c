package io.lanyard.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL and one real KRaft Kafka broker per test JVM, started on first use and shared by every test
 * class and Spring context in it. Each service gets its own database, as in production.
 */
public final class EmbeddedInfrastructure {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker kafka;

    private EmbeddedInfrastructure() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setPort(0).start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 3)
                    .brokerProperties(Map.of("auto.create.topics.enable", "true",
                            "group.initial.rebalance.delay.ms", "0"));
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka;
    }

    /** A broker of its own, reachable only through a proxy the test can cut; for outage tests. */
    public record ProxiedKafka(EmbeddedKafkaBroker broker, TcpProxy proxy) implements AutoCloseable {

        public String bootstrapServers() {
            return "localhost:" + proxy.port();
        }

        @Override
        public void close() {
            proxy.close();
            broker.destroy();
        }
    }

    public static ProxiedKafka kafkaBehindProxy() {
        int proxyPort = TcpProxy.freePort();
        TcpProxy proxy = TcpProxy.start(proxyPort, 0);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
                .brokerProperties(Map.of("auto.create.topics.enable", "true",
                        "group.initial.rebalance.delay.ms", "0",
                        // clients learn the proxy's address from the broker's metadata, so every byte passes it
                        "advertised.listeners", "EXTERNAL://localhost:" + proxyPort));
        broker.afterPropertiesSet();
        String real = broker.getBrokersAsString();
        proxy.target(Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
        return new ProxiedKafka(broker, proxy);
    }

    /** The JDBC URL of the given service's database, created on first request. */
    public static synchronized String databaseUrl(String database) {
        EmbeddedPostgres pg = postgres();
        try (Connection connection = pg.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "") + "'")) {
                if (!rs.next()) {
                    statement.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return pg.getJdbcUrl("postgres", database);
    }
}
