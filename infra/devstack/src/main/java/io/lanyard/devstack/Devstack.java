package io.lanyard.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.notifications.NotificationsApplication;
import io.lanyard.platform.messaging.KafkaAccess;
import io.lanyard.registration.RegistrationApplication;
import io.lanyard.sprints.SprintsApplication;
import io.lanyard.volunteering.VolunteeringApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import sun.misc.Signal;

/**
 * The whole of Lanyard on one machine with nothing but a JDK: a real PostgreSQL (one database per service) and a
 * real single-node KRaft Kafka broker (SASL/SCRAM, each service its own principal and ACLs), both embedded, then the
 * five services in the {@code dev} profile.
 * PostgreSQL keeps its data under {@code .lanyard/} between runs; {@code --clean} starts from nothing.
 * <p>
 * Ctrl-C (SIGINT) or SIGTERM stops the services, then Kafka, then PostgreSQL. The embedded PostgreSQL registers a
 * JVM shutdown hook of its own that stops the database, and the JVM runs its hooks all at once, in no order: left to
 * the hooks, the database goes first and the services' processors retry against it until they give up. So the
 * devstack handles the two signals itself, stops everything in order, and only then exits, when every hook, the
 * database's included, finds nothing left to stop. Any other way out of the JVM still closes everything from a hook of
 * the devstack's own, though then alongside the database's.
 */
public final class Devstack {

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    static {
        // SLF4J's own notes on its start (one line logged while it started, replayed) only if they are errors
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        // the first lines, logged before Spring Boot's logging is set up, already at the devstack's levels
        System.setProperty(LOGBACK_CONFIGURATION, "devstack-logback.xml");
    }

    private static final String LOGGING_CONFIG = "classpath:devstack-logback.xml";
    private static final LoggingSystem LOGGING = LoggingSystem.get(Devstack.class.getClassLoader());
    private static final Logger log = LoggerFactory.getLogger(Devstack.class);

    /** {@code lanyard.kafka.partitions}' default, which the services' own topic provisioning uses. */
    private static final int TOPIC_PARTITIONS = 6;

    private record Service(String name, Class<?> main, Supplier<SpringApplicationBuilder> application) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service(RegistrationApplication.NAME, RegistrationApplication.class,
                    RegistrationApplication::application),
            new Service(VolunteeringApplication.NAME, VolunteeringApplication.class,
                    VolunteeringApplication::application),
            new Service(DinnersApplication.NAME, DinnersApplication.class, DinnersApplication::application),
            new Service(SprintsApplication.NAME, SprintsApplication.class, SprintsApplication::application),
            new Service(NotificationsApplication.NAME, NotificationsApplication.class,
                    NotificationsApplication::application));

    private final Path home;
    private final EmbeddedPostgres postgres;
    private final KafkaClusterTestKit kafka;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private boolean stopped;

    private Devstack(Path home, EmbeddedPostgres postgres, KafkaClusterTestKit kafka) {
        this.home = home;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static void main(String[] args) throws Exception {
        initializeLogging();
        boolean clean = Arrays.asList(args).contains("--clean");
        Path home = Path.of(env("LANYARD_HOME", ".lanyard")).toAbsolutePath();
        int postgresPort = Integer.parseInt(env("LANYARD_DEVSTACK_PG_PORT", "15432"));
        // unset, each service listens where its own configuration says (8081-8084, or -Dserver.port); set, it is
        // registration's port and the others take the four after it, or with 0 every port is the OS's choice
        String firstPort = env("LANYARD_DEVSTACK_FIRST_PORT", "");
        if (clean) {
            FileSystemUtils.deleteRecursively(home);
        }
        Files.createDirectories(home);

        EmbeddedPostgres postgres = ServiceLabel.under("postgres", () -> EmbeddedPostgres.builder()
                .setDataDirectory(home.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .start());
        // SASL/SCRAM and ACLs as in production; the passwords are new on every start and live only in this process
        String adminPassword = secret();
        Map<String, String> passwords = new LinkedHashMap<>();
        SERVICES.forEach(service -> passwords.put(service.name(), secret()));
        KafkaClusterTestKit kafka = ServiceLabel.under("kafka", () -> startKafka(adminPassword, passwords));

        Devstack devstack = new Devstack(home, postgres, kafka);
        devstack.stopOnSignals();
        try {
            for (int i = 0; i < SERVICES.size(); i++) {
                Service service = SERVICES.get(i);
                List<String> portArgument = firstPort.isEmpty() ? List.of()
                        : List.of("--server.port=" + (firstPort.equals("0") ? 0 : Integer.parseInt(firstPort) + i));
                if (!devstack.add(start(service, portArgument, postgres, kafka, passwords.get(service.name())))) {
                    return;
                }
            }
        } catch (Exception e) {
            // Spring Boot has reported why; what started is stopped rather than left running without the rest
            log.error("The devstack could not start: {}", e.toString());
            devstack.stop();
            System.exit(1);
        }
        devstack.printBanner(clean, adminPassword);
    }

    private static ConfigurableApplicationContext start(Service service, List<String> portArgument,
            EmbeddedPostgres postgres, KafkaClusterTestKit kafka, String kafkaPassword)
            throws Exception {
        createDatabase(postgres, service.name());
        List<String> arguments = new ArrayList<>(portArgument);
        arguments.addAll(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", service.name()),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--lanyard.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--lanyard.kafka.security.protocol=SASL_PLAINTEXT",
                "--lanyard.kafka.security.username=" + service.name(),
                "--lanyard.kafka.security.password=" + kafkaPassword,
                // four services starting on one machine keep a lag reading waiting for the CPU
                "--lanyard.observability.kafka-health-timeout=10s",
                "--logging.config=" + LOGGING_CONFIG,
                // logging must outlive the services' stop, to report the rest of it
                "--logging.register-shutdown-hook=false"));
        return ServiceLabel.under(service.name(), () -> service.application().get()
                .main(service.main())
                .profiles("dev")
                // the devstack stops the services first, then Kafka, then PostgreSQL
                .registerShutdownHook(false)
                .bannerMode(Banner.Mode.OFF)
                .run(arguments.toArray(String[]::new)));
    }

    /**
     * Spring Boot's logging, set up before PostgreSQL and Kafka start; the services find it initialised and keep it
     * (no reset while the broker logs), applying only their levels.
     */
    private static void initializeLogging() {
        // Spring Boot takes over from logback's own configuration, which it would warn about
        System.clearProperty(LOGBACK_CONFIGURATION);
        LOGGING.beforeInitialize();
        LOGGING.initialize(new LoggingInitializationContext(new StandardEnvironment()), LOGGING_CONFIG, null);
    }

    /**
     * One combined KRaft node from Kafka's own test kit, the one spring-kafka-test's {@code EmbeddedKafkaKraftBroker}
     * wraps; used directly because that wrapper, once started, opens an administration client without credentials to
     * create its (here: no) topics, and the SASL listener logs that client's refused metadata request as an error.
     */
    private static KafkaClusterTestKit startKafka(String adminPassword, Map<String, String> passwords)
            throws Exception {
        Map<String, String> brokerProperties = new HashMap<>(KafkaAccess.embeddedBrokerProperties(adminPassword));
        brokerProperties.put("auto.create.topics.enable", "false");
        brokerProperties.put("group.initial.rebalance.delay.ms", "0");
        brokerProperties.put("offsets.topic.replication.factor", "1");
        brokerProperties.put("num.partitions", String.valueOf(TOPIC_PARTITIONS));
        // one broker has no partition leadership to hand over before it stops
        brokerProperties.put("controlled.shutdown.enable", "false");
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
        brokerProperties.forEach(builder::setConfigProp);
        KafkaClusterTestKit kafka = builder.build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(KafkaAccess.adminConnection(kafka.bootstrapServers(), adminPassword))) {
            KafkaAccess.provisionAndAwait(admin, passwords, KafkaAccess.SERVICES.stream()
                    .flatMap(grant -> KafkaAccess.bindings(grant).stream())
                    .toList());
            // every topic before any service: a consumer started before its topic's owner would warn until it exists
            admin.createTopics(KafkaAccess.ownedTopics().stream()
                    .map(topic -> KafkaAccess.newTopic(topic, TOPIC_PARTITIONS, (short) 1))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        }
        return kafka;
    }

    private void stopOnSignals() {
        for (String signal : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(signal), received -> {
                    // a second signal (Maven's spring-boot:run sends SIGTERM after a SIGINT) must not exit mid-stop
                    if (stopRequested.compareAndSet(false, true)) {
                        log.info("SIG{}: stopping", received.getName());
                        stop();
                        System.exit(0);
                    }
                });
            } catch (IllegalArgumentException unknownHere) {
                log.warn("Cannot handle SIG{} on this system; it stops the devstack in no particular order", signal);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "lanyard-devstack-shutdown"));
    }

    /** Keeps a started service for the stop; a service that finished starting after a stop began is closed. */
    private boolean add(ConfigurableApplicationContext service) {
        synchronized (this) {
            if (!stopped) {
                running.add(service);
                return true;
            }
        }
        service.close();
        return false;
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long started = System.nanoTime();
        // the services all at once: each closes its web server, processors, consumers and schedulers
        List<String> names = new ArrayList<>();
        List<Thread> closing = new ArrayList<>();
        for (ConfigurableApplicationContext service : running) {
            String name = service.getEnvironment().getProperty("spring.application.name");
            names.add(name);
            closing.add(Thread.ofPlatform().name("stop-" + name).start(() -> closeAs(name, service::close)));
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("Stopped the services ({}) in {} ms", String.join(", ", names), millisSince(started));
        // with the services gone only the broker speaks Kafka; its warnings while it stops are about itself
        // (its controller channel's client closed twice)
        LOGGING.setLogLevel("org.apache.kafka", LogLevel.ERROR);
        started = System.nanoTime();
        closeAs("kafka", kafka::close);
        log.info("Stopped Kafka in {} ms", millisSince(started));
        started = System.nanoTime();
        closeAs("postgres", postgres::close);
        log.info("Stopped PostgreSQL in {} ms; its data stays in {}", millisSince(started), home.resolve("postgres"));
    }

    private interface Closing {
        void close() throws Exception;
    }

    /** Closes one part under its label, so that what it logs while stopping says where it comes from. */
    private static void closeAs(String label, Closing part) {
        try {
            ServiceLabel.under(label, () -> {
                part.close();
                return null;
            });
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", label, e.toString());
        }
    }

    private synchronized void printBanner(boolean clean, String adminPassword) {
        if (stopped) {
            return;
        }
        String registration = port(running.get(0));
        System.out.printf("""
                Lanyard devstack is up (state in %s%s)
                  registration  http://localhost:%s
                  volunteering  http://localhost:%s
                  dinners       http://localhost:%s
                  sprints       http://localhost:%s
                  notifications http://localhost:%s (mail it sent: GET /dev/mail?to=<address>)
                  Swagger UI    http://localhost:<port>/swagger-ui.html on each of them
                  PostgreSQL    localhost:%d (user postgres, no password; a database per service)
                  Kafka         %s (SASL_PLAINTEXT, PLAIN admin / %s)
                Get a token:  curl -s -XPOST localhost:%s/dev/tokens -H 'Content-Type: application/json' \\
                                -d '{"subject":"alice","roles":["ORGANIZER"]}'
                Ctrl-C stops everything.
                """, home, clean ? ", started clean" : "",
                registration, port(running.get(1)), port(running.get(2)), port(running.get(3)), port(running.get(4)),
                postgres.getPort(), kafka.bootstrapServers(), adminPassword, registration);
    }

    private static String port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port");
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
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
