package io.lanyard.benchmark.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL and KRaft Kafka broker the in-process services, the baselines and the bulk loads share,
 * started the way the devstack starts them. Commits are durable ({@code synchronous_commit=on}, fsync on) unless
 * asked otherwise: the baseline and the services must pay the same price for a commit.
 */
public final class Infrastructure implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final EmbeddedKafkaBroker kafka;

    private Infrastructure(EmbeddedPostgres postgres, Path dataDirectory, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.kafka = kafka;
    }

    public static Infrastructure start(Path workDirectory, boolean synchronousCommit) throws IOException {
        Path data = workDirectory.resolve("postgres").toAbsolutePath();
        FileSystemUtils.deleteRecursively(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPort(0)
                .setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
                .setServerConfig("fsync", "on")
                // the bulk loads write gigabytes; without this they checkpoint every gigabyte
                .setServerConfig("max_wal_size", "4GB")
                .start();
        return new Infrastructure(postgres, data, startKafka());
    }

    /** A KRaft broker like the devstack's: six partitions per topic, topics created by the services only. */
    public static EmbeddedKafkaBroker startKafka() {
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaKraftBroker(1, 6)
                .brokerProperties(Map.of("auto.create.topics.enable", "false",
                        "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        return kafka;
    }

    public String kafkaBootstrap() {
        return kafka.getBrokersAsString();
    }

    public Path postgresDataDirectory() {
        return dataDirectory;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    /** The JDBC URL of a database, created empty on first use. */
    public synchronized String database(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    public void dropDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(database(database), "postgres", "");
    }

    public HikariDataSource pool(String database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database(database));
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setPoolName("benchmark-" + database);
        return new HikariDataSource(config);
    }

    public String setting(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    public DataSource admin() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
