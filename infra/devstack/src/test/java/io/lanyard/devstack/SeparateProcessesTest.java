package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.postgresql.Driver;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;

/**
 * Two instances of every service, each a JVM of its own, on their service's database and the one broker, sharing
 * their service's consumer group, as they would run in production. Rushes spread over both instances, then an
 * instance is killed with SIGKILL in the middle of the load and started again: nothing may be oversold, lost or
 * doubled, and holds set before the kill still end on time.
 * <p>
 * The child JVMs run this test's class path with the {@code dev} profile; their logs are in
 * {@code target/separate-processes/}, and the tail of each is printed when something fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeparateProcessesTest {

    private static final List<String> SERVICES = List.of("registration", "volunteering", "dinners", "sprints");
    private static final List<String> CONSUMERS_OF_REGISTRATION = List.of("volunteering", "dinners", "sprints");
    private static final Map<String, String> MAIN_CLASSES = Map.of(
            "registration", "io.lanyard.registration.RegistrationApplication",
            "volunteering", "io.lanyard.volunteering.VolunteeringApplication",
            "dinners", "io.lanyard.dinners.DinnersApplication",
            "sprints", "io.lanyard.sprints.SprintsApplication");
    private static final Path LOGS = Path.of("target", "separate-processes");
    private static final Duration START_PATIENCE = Duration.ofMinutes(4);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration HOLD = Duration.ofSeconds(25);
    /** {@code -Dlanyard.processes.scale=10} multiplies every request count and quota, for a longer run by hand. */
    private static final int SCALE = Integer.getInteger("lanyard.processes.scale", 1);
    private static final Duration DEADLINE_POLLING = Duration.ofMillis(500);
    /** How late a hold may end on a shared two-core machine: the polling interval plus scheduling noise. */
    private static final Duration EXPIRY_TOLERANCE = Duration.ofSeconds(5);
    private static final String DEV_KEY = "lanyard-dev-key-not-for-production-use-000";
    private static final NimbusJwtEncoder TOKENS = NimbusJwtEncoder.withSecretKey(
            new SecretKeySpec(DEV_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build();

    private static final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();
    private static final Map<String, JdbcClient> databases = new LinkedHashMap<>();

    @RegisterExtension
    static final TestWatcher LOG_TAILS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogTails();
        }
    };

    @BeforeAll
    static void start() {
        String kafka = EmbeddedInfrastructure.kafka().getBrokersAsString();
        for (String service : SERVICES) {
            String url = EmbeddedInfrastructure.databaseUrl("procs_" + service);
            databases.put(service, JdbcClient.create(new SimpleDriverDataSource(new Driver(), url, "postgres", "")));
            Map<String, String> properties = properties(service, url, kafka);
            instances.put(service, List.of(
                    ServiceProcess.launch(service + "-1", MAIN_CLASSES.get(service), LOGS, properties),
                    ServiceProcess.launch(service + "-2", MAIN_CLASSES.get(service), LOGS, properties)));
        }
        try {
            all().forEach(process -> process.awaitHealthy(START_PATIENCE));
        } catch (RuntimeException | Error e) {
            printLogTails();
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            all().forEach(process -> stopping.submit(process::close));
        }
    }

    /** What {@code RunningService} sets, with a pool sized for eight services on one PostgreSQL. */
    private static Map<String, String> properties(String service, String databaseUrl, String kafka) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "dev");
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.maximum-pool-size", "10");
        properties.put("lanyard.kafka.bootstrap-servers", kafka);
        properties.put("lanyard.kafka.group-id", service + "-procs");
        properties.put("lanyard.kafka.security.protocol", "SASL_PLAINTEXT");
        properties.put("lanyard.kafka.security.username", service);
        properties.put("lanyard.kafka.security.password", EmbeddedInfrastructure.kafkaPassword(service));
        properties.put("lanyard.kafka.delivery-timeout", "3s");
        properties.put("lanyard.kafka.reconnect-delay", "500ms");
        if (CONSUMERS_OF_REGISTRATION.contains(service)) {
            properties.put("spring.main.sources", EffectLedger.class.getName());
        }
        if (service.equals("dinners")) {
            properties.put("lanyard.dinners.hold-duration", HOLD.toSeconds() + "s");
            properties.put("lanyard.dinners.deadlines.polling-interval", DEADLINE_POLLING.toMillis() + "ms");
        }
        return properties;
    }

    @Test
    @Order(1)
    void both_instances_of_each_service_share_the_partitions_and_the_publisher_segments() {
        try (Admin admin = Admin.create(EmbeddedInfrastructure.kafkaAdmin())) {
            for (String service : SERVICES) {
                await(service + "'s consumer group split between its two instances").atMost(PATIENCE)
                        .ignoreExceptions()
                        .until(() -> {
                            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(service + "-procs"))
                                    .describedGroups().get(service + "-procs").get();
                            Collection<MemberDescription> members = group.members();
                            return members.size() == 2
                                    && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
                        });
            }
        }
        for (String service : SERVICES) {
            Set<Long> pids = instances.get(service).stream().map(ServiceProcess::pid).collect(Collectors.toSet());
            await(service + "'s publisher segments shared by both instances").atMost(PATIENCE).until(() -> {
                Map<Integer, String> claims = publisherClaims(service);
                return claims.size() == 4
                        && claims.values().stream().allMatch(owner -> owner != null && pids.contains(pidOf(owner)))
                        && claims.values().stream().map(SeparateProcessesTest::pidOf).distinct().count() == 2;
            });
            System.out.printf("%s publisher segments claimed by %s%n", service, publisherClaims(service));
        }
    }

    @Test
    @Order(2)
    void a_ticket_rush_over_two_processes_oversells_nothing_and_each_event_takes_effect_once() throws Exception {
        List<ServiceProcess> registration = instances.get("registration");
        String organizer = token("olivia", "ORGANIZER");
        UUID conference = conference(registration.getFirst().http(), organizer);
        int quota = 40 * SCALE;
        int requests = 300 * SCALE;
        UUID ticketType = ticketType(registration.getFirst().http(), organizer, conference, quota);

        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < requests; i++) {
                Http http = registration.get(i % 2).http();
                String attendee = token("rusher-" + i);
                answers.add(clients.submit(() -> http.post("/conferences/" + conference + "/registrations",
                        attendee, registrationBody(ticketType, "Rusher"))));
            }
        }
        List<UUID> sold = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            if (response.status() == 201) {
                sold.add(UUID.fromString(response.json().get("id").asString()));
            } else {
                assertThat(response.problem()).as(response.toString()).isEqualTo("sold-out");
            }
        }
        assertThat(sold).hasSize(quota);
        for (ServiceProcess instance : registration) {
            assertThat(instance.http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer)
                    .json().get("sold").asInt()).isEqualTo(quota);
        }
        assertThat(registrationsIn(conference)).containsExactlyInAnyOrderElementsOf(sold);

        List<UUID> cancelled = sold.subList(0, 8 * SCALE);
        for (int i = 0; i < cancelled.size(); i++) {
            Http.Response response = registration.get(i % 2).http()
                    .delete("/conferences/" + conference + "/registrations/" + cancelled.get(i), organizer);
            assertThat(response.status()).as(response.toString()).isEqualTo(204);
        }

        for (String service : CONSUMERS_OF_REGISTRATION) {
            awaitEffects(service, sold, EffectLedger.REGISTERED);
            awaitEffects(service, cancelled, EffectLedger.CANCELLED);
        }
        settle();
        for (String service : CONSUMERS_OF_REGISTRATION) {
            assertEffectsOnce(service, sold, EffectLedger.REGISTERED);
            assertEffectsOnce(service, cancelled, EffectLedger.CANCELLED);
            assertThat(databases.get(service).sql(
                            "select count(*) from known_attendee where conference_id = ? and status = 'CANCELLED'")
                    .param(conference).query(Long.class).single()).as(service).isEqualTo(cancelled.size());
        }
        System.out.printf("ticket rush: %d requests over 2 processes, %d sold at quota %d, %d cancelled; "
                        + "%d registrations and %d cancellations each took effect once in %s%n",
                requests, sold.size(), quota, cancelled.size(), sold.size(), cancelled.size(),
                CONSUMERS_OF_REGISTRATION);
    }

    @Test
    @Order(3)
    void registration_killed_mid_load_loses_and_doubles_nothing_and_its_publishing_is_taken_over() throws Exception {
        List<ServiceProcess> registration = instances.get("registration");
        Map<Integer, String> claims = publisherClaims("registration");
        // kill the instance that publishes (or most of it): the survivor must take its claims over
        Map<Long, Long> segmentsByPid = claims.values().stream()
                .collect(Collectors.groupingBy(SeparateProcessesTest::pidOf, Collectors.counting()));
        ServiceProcess victim = registration.stream()
                .max((a, b) -> Long.compare(segmentsByPid.getOrDefault(a.pid(), 0L),
                        segmentsByPid.getOrDefault(b.pid(), 0L)))
                .orElseThrow();
        ServiceProcess survivor = registration.get(registration.get(0) == victim ? 1 : 0);
        long victimPid = victim.pid();

        String organizer = token("oscar", "ORGANIZER");
        UUID conference = conference(survivor.http(), organizer);
        UUID ticketType = ticketType(survivor.http(), organizer, conference, 10_000);

        int beforeRestart = 240 * SCALE;
        int total = beforeRestart + 40 * SCALE;
        Load load = new Load(registration, conference, ticketType);
        int victimIndex = registration.indexOf(victim);
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            load.issue(clients, 0, beforeRestart);
            // SIGKILL while a request is on its way to the victim, so that one is cut in flight
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1))
                    .until(() -> load.answered.get() >= beforeRestart / 4 && load.inFlight.get(victimIndex) > 0);
            long killedAt = System.nanoTime();
            load.killedAt = killedAt;
            victim.kill();
            int answeredAtKill = load.answered.get();
            // before the victim comes back: the survivor itself holds every claim the dead process held
            long survivorPid = survivor.pid();
            await("the survivor takes over the dead instance's publisher claims").atMost(PATIENCE)
                    .until(() -> publisherClaims("registration").values().stream()
                            .allMatch(owner -> owner != null && pidOf(owner) == survivorPid));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            victim.start();
            victim.awaitHealthy(START_PATIENCE);
            await().atMost(PATIENCE).until(load.answered::get, n -> n == beforeRestart);
            // and the restarted instance takes registrations again
            load.issue(clients, beforeRestart, total - beforeRestart);
            await().atMost(PATIENCE).until(load.answered::get, n -> n == total);
            System.out.printf("registration SIGKILL: %d answered before the kill; the survivor held every publisher "
                            + "claim %.1f s after it; %d attempts met the dead or restarting process (%d cut in "
                            + "flight) and were retried on the other%n", answeredAtKill, takeover.toMillis() / 1e3,
                    load.connectionFailures.get(), load.cutInFlight.size());
        } finally {
            // a failed check above must not leave the next test with one registration process
            if (!victim.alive()) {
                victim.start();
                victim.awaitHealthy(START_PATIENCE);
            }
        }

        assertThat(load.problems).as("answers other than 201 or already-registered").isEmpty();
        assertThat(load.cutInFlight).as("requests that died in flight with the process").isNotEmpty();
        List<UUID> stored = registrationsIn(conference);
        assertThat(stored).as("each subject registered once, whether its first attempt was cut or not")
                .hasSize(total)
                .containsAll(load.created.values());
        assertThat(databases.get("registration").sql(
                        "select count(distinct subject) from registration_view where conference_id = ?")
                .param(conference).query(Long.class).single()).isEqualTo(total);
        Map<String, Long> registeredPerSubject = registeredPerSubject(conference);
        assertThat(registeredPerSubject).as("AttendeeRegistered per subject in the event store").hasSize(total)
                .allSatisfy((subject, events) -> assertThat(events).as(subject).isEqualTo(1));
        for (ServiceProcess instance : registration) {
            assertThat(instance.http().get("/conferences/" + conference + "/ticket-types/" + ticketType, organizer)
                    .json().get("sold").asInt()).isEqualTo(total);
        }
        for (String service : CONSUMERS_OF_REGISTRATION) {
            awaitEffects(service, stored, EffectLedger.REGISTERED);
        }
        settle();
        for (String service : CONSUMERS_OF_REGISTRATION) {
            assertEffectsOnce(service, stored, EffectLedger.REGISTERED);
        }
        // the requests cut in flight in particular: one registration each, one effect each in every consumer
        List<UUID> cutAttendees = databases.get("registration")
                .sql("select attendee_id from registration_view where conference_id = ? and subject = any(?)")
                .param(conference).param(load.cutInFlight.toArray(String[]::new)).query(UUID.class).list();
        assertThat(cutAttendees).hasSameSizeAs(load.cutInFlight);
        for (String service : CONSUMERS_OF_REGISTRATION) {
            assertEffectsOnce(service, cutAttendees, EffectLedger.REGISTERED);
        }
        System.out.printf("registration SIGKILL: %d registered (%d answered 201, %d already-registered on a "
                        + "retry), each known once to %s, the %d cut in flight among them%n", stored.size(),
                load.created.size(), load.alreadyRegistered.get(), CONSUMERS_OF_REGISTRATION, cutAttendees.size());
    }

    @Test
    @Order(4)
    void a_dinner_rush_and_a_sigkill_lose_no_ticket_double_none_and_holds_still_end_on_time() throws Exception {
        List<ServiceProcess> dinners = instances.get("dinners");
        List<ServiceProcess> registration = instances.get("registration");
        String organizer = token("odette", "ORGANIZER");
        UUID conference = conference(registration.getFirst().http(), organizer);
        UUID ticketType = ticketType(registration.getFirst().http(), organizer, conference, 1000);
        int diners = 60 * SCALE;
        Map<UUID, String> subjects = new LinkedHashMap<>();
        for (int i = 0; i < diners; i++) {
            String subject = "diner-" + i;
            Http.Response registered = registration.get(i % 2).http().post(
                    "/conferences/" + conference + "/registrations", token(subject),
                    registrationBody(ticketType, "Diner " + i));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            subjects.put(UUID.fromString(registered.json().get("id").asString()), subject);
        }
        JdbcClient dinnersDb = databases.get("dinners");
        await("attendees and organizer known to dinners").atMost(PATIENCE).until(() ->
                dinnersDb.sql("select count(*) from known_attendee where conference_id = ?").param(conference)
                        .query(Long.class).single() == diners
                        && dinnersDb.sql("select count(*) from conference_organizer where conference_id = ?")
                        .param(conference).query(Long.class).single() == 1);
        int seats = 20 * SCALE;
        int streamedSeats = 10 * SCALE;
        UUID rushed = dinner(dinners.get(0).http(), organizer, conference, seats);
        UUID streamed = dinner(dinners.get(1).http(), organizer, conference, streamedSeats);

        // the rush: every attendee at once, over both instances
        Map<UUID, Future<Http.Response>> rush = new LinkedHashMap<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            int i = 0;
            for (var attendee : subjects.entrySet()) {
                Http http = dinners.get(i++ % 2).http();
                String owner = token(attendee.getValue());
                rush.put(attendee.getKey(), clients.submit(() -> http.post(tickets(conference, rushed), owner,
                        Map.of("attendeeId", attendee.getKey().toString()))));
            }
        }
        Map<UUID, Instant> holds = new HashMap<>();
        int waitlisted = 0;
        for (Future<Http.Response> answer : rush.values()) {
            Http.Response response = answer.get();
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            switch (response.json().get("status").asString()) {
                case "HELD" -> holds.put(UUID.fromString(response.json().get("id").asString()),
                        Instant.parse(response.json().get("holdExpiresAt").asString()));
                case "WAITLISTED" -> waitlisted++;
                default -> throw new AssertionError(response.toString());
            }
        }
        assertThat(holds).hasSize(seats);
        assertThat(waitlisted).isEqualTo(diners - seats);
        for (ServiceProcess instance : dinners) {
            Http.Response view = instance.http().get("/conferences/" + conference + "/dinners/" + rushed, organizer);
            assertThat(view.json().get("held").asInt()).isEqualTo(seats);
            assertThat(view.json().get("waitlisted").asInt()).isEqualTo(diners - seats);
        }

        // then one instance dies while requests with idempotency keys stream in; cut requests are retried
        ServiceProcess victim = dinners.get(0);
        Map<UUID, UUID> answered = new ConcurrentHashMap<>();
        AtomicInteger cut = new AtomicInteger();
        Set<UUID> cutInFlight = ConcurrentHashMap.newKeySet();
        AtomicIntegerArray inFlight = new AtomicIntegerArray(2);
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        List<String> streamProblems = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            int i = 0;
            for (var attendee : subjects.entrySet()) {
                int first = i++ % 2;
                String owner = token(attendee.getValue());
                clients.submit(() -> {
                    for (int attempt = 0; attempt < 20; attempt++) {
                        int instance = (first + attempt) % 2;
                        long sentAt = Long.MAX_VALUE;
                        try {
                            // a process being restarted has no port yet: that, too, is a cut request
                            Http http = dinners.get(instance).http();
                            Http.Response response;
                            inFlight.incrementAndGet(instance);
                            sentAt = System.nanoTime();
                            try {
                                response = http.send("POST", tickets(conference, streamed), owner,
                                        Map.of("attendeeId", attendee.getKey().toString()),
                                        Map.of("Idempotency-Key", "streamed-" + attendee.getKey()));
                            } finally {
                                inFlight.decrementAndGet(instance);
                            }
                            assertThat(response.status()).as(response.toString()).isEqualTo(201);
                            answered.put(attendee.getKey(), UUID.fromString(response.json().get("id").asString()));
                            return;
                        } catch (IllegalStateException connectionFailed) {
                            cut.incrementAndGet();
                            if (sentAt < killedAt.get() && inFlight(connectionFailed)) {
                                cutInFlight.add(attendee.getKey());
                            }
                        } catch (RuntimeException | AssertionError e) {
                            streamProblems.add(attendee.getKey() + ": " + e);
                            return;
                        }
                    }
                });
            }
            // SIGKILL while a request is on its way to the victim, so that one is cut in flight
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1))
                    .until(() -> answered.size() >= diners / 4 && inFlight.get(0) > 0);
            killedAt.set(System.nanoTime());
            victim.kill();
            victim.start();
        }
        victim.awaitHealthy(START_PATIENCE);
        Instant restartedAt = Instant.now();
        assertThat(streamProblems).isEmpty();
        assertThat(answered).as("every request answered in the end").hasSize(diners);
        assertThat(cutInFlight).as("requests that died in flight with the process").isNotEmpty();
        for (var attendee : answered.entrySet()) {
            assertThat(dinnersDb.sql("select ticket_id from dinner_ticket where dinner_id = ? and attendee_id = ?")
                    .param(streamed).param(attendee.getKey()).query(UUID.class).list())
                    .as("one ticket per attendee, the one its answer named").containsExactly(attendee.getValue());
        }
        Map<UUID, Long> requested = ticketsRequested(streamed);
        assertThat(requested).as("tickets held or waitlisted per attendee in the event store").hasSize(diners)
                .allSatisfy((attendee, events) -> assertThat(events).as("%s", attendee).isEqualTo(1));
        assertThat(requested).as("the requests cut in flight among them").containsKeys(cutInFlight.toArray(UUID[]::new));
        assertThat(dinnersDb.sql("select count(*) from dinner_ticket where dinner_id = ? and status = 'HELD'")
                .param(streamed).query(Long.class).single()).isEqualTo(streamedSeats);

        // holds set before the kill end on time, each once, and their seats go down the waiting list
        await("the rush's holds ended").atMost(HOLD.plus(PATIENCE)).until(() -> holds.keySet().stream()
                .allMatch(ticket -> "EXPIRED".equals(ticketStatus(ticket))));
        Map<UUID, List<Instant>> expirations = expirations(rushed);
        Duration latest = Duration.ZERO;
        for (var hold : holds.entrySet()) {
            assertThat(expirations.get(hold.getKey())).as("expired once").hasSize(1);
            Instant expiredAt = expirations.get(hold.getKey()).getFirst();
            assertThat(expiredAt).as("not before its time").isAfterOrEqualTo(hold.getValue());
            assertThat(Duration.between(hold.getValue(), expiredAt)).as("on time").isLessThan(EXPIRY_TOLERANCE);
            latest = latest.compareTo(Duration.between(hold.getValue(), expiredAt)) < 0
                    ? Duration.between(hold.getValue(), expiredAt) : latest;
        }
        assertThat(expirations.keySet()).containsExactlyInAnyOrderElementsOf(holds.keySet());
        Http.Response view = dinners.get(1).http().get("/conferences/" + conference + "/dinners/" + rushed, organizer);
        assertThat(view.json().get("held").asInt()).as(view.toString()).isEqualTo(seats);
        assertThat(view.json().get("waitlisted").asInt()).as(view.toString()).isEqualTo(diners - 2 * seats);
        Instant firstDeadline = holds.values().stream().min(Instant::compareTo).orElseThrow();
        System.out.printf("dinners SIGKILL: rush of %d over 2 processes held %d, waitlisted %d; %d streamed "
                        + "requests, %d attempts met the dead or restarting process (%d cut in flight) and were "
                        + "retried with their key, one ticket each; %d holds expired at most %d ms late (restarted "
                        + "instance healthy %s the first deadline)%n",
                diners, holds.size(), waitlisted, diners, cut.get(), cutInFlight.size(), holds.size(),
                latest.toMillis(), restartedAt.isBefore(firstDeadline) ? "before" : "after");
    }

    /** Registrations with one subject per request; a request cut by a dead process is retried on the other. */
    private static final class Load {

        private final List<ServiceProcess> instances;
        private final UUID conference;
        private final UUID ticketType;
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger connectionFailures = new AtomicInteger();
        /** Subjects with an attempt that was on its way when the process was killed and died with it. */
        final Set<String> cutInFlight = ConcurrentHashMap.newKeySet();
        volatile long killedAt = Long.MAX_VALUE;
        /** Requests on their way to each instance right now. */
        final AtomicIntegerArray inFlight = new AtomicIntegerArray(2);
        final AtomicInteger alreadyRegistered = new AtomicInteger();
        final Map<String, UUID> created = new ConcurrentHashMap<>();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        Load(List<ServiceProcess> instances, UUID conference, UUID ticketType) {
            this.instances = instances;
            this.conference = conference;
            this.ticketType = ticketType;
        }

        void issue(ExecutorService clients, int from, int count) {
            for (int i = from; i < from + count; i++) {
                int first = i % 2;
                String subject = "streamer-" + conference + "-" + i;
                clients.submit(() -> register(subject, first));
            }
        }

        private void register(String subject, int first) {
            String token = token(subject);
            for (int attempt = 0; attempt < 20; attempt++) {
                int instance = (first + attempt) % 2;
                long sentAt = Long.MAX_VALUE;
                try {
                    // a process being restarted has no port yet: that, too, is a cut request, if not in flight
                    Http http = instances.get(instance).http();
                    Http.Response response;
                    inFlight.incrementAndGet(instance);
                    sentAt = System.nanoTime();
                    try {
                        response = http.post("/conferences/" + conference + "/registrations", token,
                                registrationBody(ticketType, "Streamer"));
                    } finally {
                        inFlight.decrementAndGet(instance);
                    }
                    if (response.status() == 201) {
                        created.put(subject, UUID.fromString(response.json().get("id").asString()));
                    } else if (response.status() == 409 && response.problem().equals("already-registered")) {
                        // the cut attempt had taken effect: the subject is the key that keeps a retry from doubling
                        alreadyRegistered.incrementAndGet();
                    } else {
                        problems.add(subject + ": " + response);
                    }
                    answered.incrementAndGet();
                    return;
                } catch (IllegalStateException connectionFailed) {
                    connectionFailures.incrementAndGet();
                    if (sentAt < killedAt && inFlight(connectionFailed)) {
                        cutInFlight.add(subject);
                    }
                } catch (RuntimeException e) {
                    problems.add(subject + ": " + e);
                    answered.incrementAndGet();
                    return;
                }
            }
            problems.add(subject + ": no instance answered");
            answered.incrementAndGet();
        }
    }

    /**
     * Sent to a process that died before answering, rather than refused or not sent (no process, no port); the
     * callers also require that it was sent before the kill, so that it was on its way when the process died.
     */
    private static boolean inFlight(IllegalStateException failure) {
        return failure.getCause() != null && !(failure.getCause() instanceof ConnectException);
    }

    private static List<ServiceProcess> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    private static void printLogTails() {
        for (ServiceProcess process : all()) {
            System.out.printf("----- %s (pid %s, %s), last lines of its log -----%n%s%n", process.name(),
                    process.alive() ? process.pid() : "-", process.alive() ? "running" : "not running",
                    process.logTail(60));
        }
    }

    private static String token(String subject, String... roles) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("lanyard-dev").subject(subject).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1))).claim("roles", List.of(roles)).build();
        return TOKENS.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static UUID conference(Http registration, String organizer) {
        Http.Response created = registration.post("/conferences", organizer, Map.of("name", "PyCon US 2027",
                "startsOn", "2027-05-14", "endsOn", "2027-05-22", "timeZone", "America/Los_Angeles"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static UUID ticketType(Http registration, String organizer, UUID conference, int quota) {
        Http.Response created = registration.post("/conferences/" + conference + "/ticket-types", organizer,
                Map.of("name", "Individual", "priceCents", 40000, "currency", "USD", "quota", quota));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static Map<String, String> registrationBody(UUID ticketType, String name) {
        return Map.of("ticketTypeId", ticketType.toString(), "name", name, "email", "someone@example.org");
    }

    private static UUID dinner(Http dinners, String organizer, UUID conference, int seats) {
        Http.Response created = dinners.post("/conferences/" + conference + "/dinners", organizer, Map.of(
                "name", "Speakers' dinner", "venue", "Museum", "startsAt", "2027-05-19T19:00:00-07:00",
                "seats", seats, "priceCents", 6500, "currency", "USD"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static String tickets(UUID conference, UUID dinner) {
        return "/conferences/" + conference + "/dinners/" + dinner + "/tickets";
    }

    private static String ticketStatus(UUID ticket) {
        return databases.get("dinners").sql("select status from dinner_ticket where ticket_id = ?").param(ticket)
                .query(String.class).single();
    }

    /** When each ticket of the dinner expired, from the event store: a hold expired twice would show twice. */
    private static Map<UUID, List<Instant>> expirations(UUID dinner) {
        return databases.get("dinners").sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'ticketId' as ticket, time_stamp
                        from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%.TicketExpired'""")
                .param(dinner.toString())
                .query((rs, n) -> Map.entry(UUID.fromString(rs.getString("ticket")),
                        Instant.parse(rs.getString("time_stamp"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** How many tickets each attendee got for the dinner in its event store (held or waitlisted, once each). */
    private static Map<UUID, Long> ticketsRequested(UUID dinner) {
        return databases.get("dinners").sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'attendeeId', count(*)
                        from domain_event_entry
                        where aggregate_identifier = ?
                          and (payload_type like '%.TicketHeld' or payload_type like '%.TicketWaitlisted')
                        group by 1""")
                .param(dinner.toString())
                .query((rs, n) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<UUID> registrationsIn(UUID conference) {
        return databases.get("registration")
                .sql("select attendee_id from registration_view where conference_id = ? and status = 'CONFIRMED'")
                .param(conference).query(UUID.class).list();
    }

    /** The effect ledger of a service: how often each attendee's event took effect there. */
    private static Map<UUID, Long> ledger(String service, String event) {
        return databases.get(service)
                .sql("select attendee_id, count(*) from test_effect_ledger where event = ? group by attendee_id")
                .param(event)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Waits until each attendee's event took effect in the service; count them once {@link #settle}d. */
    private static void awaitEffects(String service, Collection<UUID> attendees, String event) {
        await(service + ": every " + event + " took effect").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> ledger(service, event).keySet().containsAll(attendees));
    }

    /**
     * Until registration's two processes have published their whole event store and every consumer group has
     * committed to the end of the topic: a duplicate still on its way would be counted below, not missed.
     */
    private static void settle() {
        Settled.settle(EmbeddedInfrastructure.kafka().getBrokersAsString(), List.of(databases.get("registration")),
                CONSUMERS_OF_REGISTRATION.stream().collect(Collectors.toMap(service -> service + "-procs",
                        service -> List.of(EventCatalogue.REGISTRATION_TOPIC))), PATIENCE);
    }

    private static void assertEffectsOnce(String service, Collection<UUID> attendees, String event) {
        Map<UUID, Long> effects = ledger(service, event);
        assertThat(attendees).as(service + ": " + event + " took effect once")
                .allSatisfy(attendee -> assertThat(effects.get(attendee)).as("%s", attendee).isEqualTo(1));
    }

    /** How many {@code AttendeeRegistered} the registration event store holds per subject of the conference. */
    private static Map<String, Long> registeredPerSubject(UUID conference) {
        return databases.get("registration").sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'subject', count(*)
                        from domain_event_entry
                        where payload_type like '%.AttendeeRegistered'
                          and convert_from(payload, 'UTF8')::jsonb ->> 'conferenceId' = ?
                        group by 1""")
                .param(conference.toString())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The publishing processor's segments and their owners ({@code pid@host/uuid}, null when unclaimed). */
    private static Map<Integer, String> publisherClaims(String service) {
        Map<Integer, String> claims = new HashMap<>();
        databases.get(service).sql("select segment, owner from token_entry where processor_name = ?")
                .param(IntegrationPublishing.PROCESSING_GROUP)
                .query((RowCallbackHandler) rs -> claims.put(rs.getInt("segment"), rs.getString("owner")));
        return claims;
    }

    private static long pidOf(String owner) {
        return Long.parseLong(owner.substring(0, owner.indexOf('@')));
    }
}
