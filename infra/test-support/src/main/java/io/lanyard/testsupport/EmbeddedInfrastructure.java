package io.lanyard.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.lanyard.platform.messaging.KafkaAccess;
import io.lanyard.platform.messaging.KafkaBackboneProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL and one real KRaft Kafka broker per test JVM, started on first use and shared by every test
 * class and Spring context in it. Each service gets its own database, as in production.
 */
public final class EmbeddedInfrastructure {

    /** A principal of the tests' own, allowed to read every Lanyard topic in any consumer group: an observer. */
    public static final String OBSERVER = "test-observer";

    public static final String PASSWORD_PROPERTY = "lanyard.test.kafka.password.";

    /** {@code lanyard.kafka.partitions}' default, which the services' own topic provisioning uses. */
    private static final int TOPIC_PARTITIONS = 6;

    private static final Map<String, String> PASSWORDS = passwords();
    private static final String ADMIN_PASSWORD = secret();

    private static final Set<AutoCloseable> USERS = ConcurrentHashMap.newKeySet();

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker kafka;

    private EmbeddedInfrastructure() {
    }

    /**
     * Has {@code user} (a service's context) closed when the test JVM's tests are done, while PostgreSQL and Kafka
     * still run (see {@link ContextsCloseFirst}); {@code forget} takes it off again once it closed by itself.
     */
    public static void closeAtTheEnd(AutoCloseable user) {
        USERS.add(user);
    }

    public static void forget(AutoCloseable user) {
        USERS.remove(user);
    }

    /** Closes every registered user of the infrastructure at once, and waits for them. */
    static void closeWhatUsesIt() {
        List<Thread> closing = USERS.stream()
                .map(user -> Thread.ofPlatform().name("closing-" + user).start(() -> {
                    try {
                        user.close();
                    } catch (Exception e) {
                        // the JVM is about to exit; what did not close cleanly stops with it
                    }
                }))
                .toList();
        USERS.clear();
        for (Thread thread : closing) {
            try {
                thread.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
            kafka = securedBroker(Map.of(), started -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka;
    }

    private static Map<String, String> passwords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        KafkaAccess.SERVICES.forEach(grant -> passwords.put(grant.principal(), secret()));
        passwords.put(OBSERVER, secret());
        // for property placeholders, e.g. ${lanyard.test.kafka.password.${spring.application.name}}
        passwords.forEach((principal, password) -> System.setProperty(PASSWORD_PROPERTY + principal, password));
        return Map.copyOf(passwords);
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The password of a principal on the embedded brokers (fresh in every test JVM). */
    public static String kafkaPassword(String principal) {
        String password = PASSWORDS.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal);
        }
        return password;
    }

    /** Client settings for the shared embedded broker, logged in as the given principal. */
    public static Map<String, Object> kafkaClient(String principal) {
        return kafkaClient(kafka().getBrokersAsString(), principal);
    }

    public static Map<String, Object> kafkaClient(String bootstrapServers, String principal) {
        Map<String, Object> config = new HashMap<>(KafkaBackboneProperties.saslConfig(security(principal)));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    public static KafkaBackboneProperties.Security security(String principal) {
        return new KafkaBackboneProperties.Security("SASL_PLAINTEXT", KafkaBackboneProperties.Security.SCRAM_SHA_512,
                principal, kafkaPassword(principal));
    }

    /** Client settings for the shared embedded broker as the {@link #OBSERVER}, plus the given ones. */
    public static Map<String, Object> observing(Map<String, Object> settings) {
        Map<String, Object> config = kafkaClient(OBSERVER);
        config.putAll(settings);
        return config;
    }

    /** The broker administrator's settings (a super user), for tests that inspect the broker itself. */
    public static Map<String, Object> kafkaAdmin() {
        return kafkaAdmin(kafka().getBrokersAsString());
    }

    /** The administrator's settings for the shared broker reached at {@code bootstrapServers} (a proxy in front of it). */
    public static Map<String, Object> kafkaAdmin(String bootstrapServers) {
        return KafkaAccess.adminConnection(bootstrapServers, ADMIN_PASSWORD);
    }

    /**
     * A KRaft broker as production runs it: SASL/SCRAM for every client, the KRaft authorizer, each service's
     * principal with exactly its rights, and the four topics created with the services' partition count.
     */
    private static EmbeddedKafkaBroker securedBroker(Map<String, String> extra,
                                                     Consumer<EmbeddedKafkaBroker> onStarted) {
        Map<String, String> properties = new HashMap<>(KafkaAccess.embeddedBrokerProperties(ADMIN_PASSWORD));
        properties.put("auto.create.topics.enable", "true");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.putAll(extra);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3).brokerProperties(properties);
        broker.afterPropertiesSet();
        onStarted.accept(broker);
        List<AclBinding> bindings = new ArrayList<>();
        KafkaAccess.SERVICES.forEach(grant -> bindings.addAll(KafkaAccess.bindings(grant)));
        String observer = "User:" + OBSERVER;
        bindings.add(KafkaAccess.allow(new ResourcePattern(ResourceType.TOPIC, "lanyard.", PatternType.PREFIXED),
                observer, AclOperation.READ));
        bindings.add(KafkaAccess.allow(new ResourcePattern(ResourceType.TOPIC, "lanyard.", PatternType.PREFIXED),
                observer, AclOperation.DESCRIBE));
        bindings.add(KafkaAccess.allow(new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL),
                observer, AclOperation.READ));
        try (Admin admin = Admin.create(KafkaAccess.adminConnection(broker.getBrokersAsString(), ADMIN_PASSWORD))) {
            KafkaAccess.provisionAndAwait(admin, PASSWORDS, bindings);
            admin.createTopics(KafkaAccess.ownedTopics().stream()
                    .map(topic -> KafkaAccess.newTopic(topic, TOPIC_PARTITIONS, (short) 1))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the Lanyard topics", e);
        }
        return broker;
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
        // clients learn the proxy's address from the broker's metadata, so every byte passes it
        EmbeddedKafkaBroker broker = securedBroker(Map.of("advertised.listeners", "EXTERNAL://localhost:" + proxyPort),
                started -> {
                    String real = started.getBrokersAsString();
                    proxy.target(Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
                });
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
