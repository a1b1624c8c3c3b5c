package io.lanyard.benchmark.footprint;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.util.FileSystemUtils;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.BenchmarkOptions;
import io.lanyard.benchmark.Population;
import io.lanyard.benchmark.load.Http;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.profile.CpuMeter;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.report.Verdict;
import io.lanyard.benchmark.rush.TicketRush;
import io.lanyard.benchmark.stack.Infrastructure;

/**
 * What Lanyard costs to run: each service as its own JVM ({@code java -jar} of its executable jar, started by
 * {@code infra/compose/service-java} with the JVM flags the images ship, then the same with the AOT cache the image
 * build trains by {@code infra/compose/service-aot-training}, and, for comparison, with the JVM's default flags)
 * against the benchmark's PostgreSQL and a Kafka broker of its own, then the whole devstack as one JVM with its
 * embedded PostgreSQL and Kafka. Resident memory idle and at its peak while the ticket rush of scenario 3 runs
 * against them, and the time from launch until every health endpoint says UP.
 */
public final class FootprintScenario {

    public static final String NAME = "7. Footprint";
    private static final double SERVICE_MIB = 300e6 / (1 << 20);
    private static final double DEVSTACK_MIB = 2048;
    private static final double READY_SECONDS = 30;
    private static final List<String> SERVICES = List.of("registration", "volunteering", "dinners", "sprints");
    private static final Map<String, String> MAIN_CLASSES = Map.of(
            "registration", "io.lanyard.registration.RegistrationApplication",
            "volunteering", "io.lanyard.volunteering.VolunteeringApplication",
            "dinners", "io.lanyard.dinners.DinnersApplication",
            "sprints", "io.lanyard.sprints.SprintsApplication");
    private static final Pattern DEVSTACK_PORT = Pattern.compile(
            "^\\s+(registration|volunteering|dinners|sprints)\\s+http://localhost:(\\d+)");

    private FootprintScenario() {
    }

    /** The images' JVM flags and their AOT training run, in the one place both the images and this use. */
    static final Path SERVICE_JAVA = fromRepositoryRoot(Path.of("infra", "compose", "service-java"));
    static final Path AOT_TRAINING = fromRepositoryRoot(Path.of("infra", "compose", "service-aot-training"));

    /** A file of the repository, whether this runs from its root (spring-boot:run) or from a module (the test). */
    private static Path fromRepositoryRoot(Path file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(file))) {
                return dir.resolve(file);
            }
        }
        return file.toAbsolutePath();
    }

    /**
     * How the service JVMs of one run are started: by {@link #SERVICE_JAVA} or by plain {@code java} (the JVM's
     * defaults), with the run's extra flags, and with each service's AOT cache when {@code aot} holds them.
     */
    private record Launcher(String label, boolean shipped, String extraFlags, Map<String, AotCache> aot) {

        List<String> command(String service, Report report) throws IOException {
            List<String> command = new ArrayList<>(shipped
                    ? List.of("/bin/sh", SERVICE_JAVA.toString()) : List.of(ChildJvm.java()));
            if (!extraFlags.isBlank()) {
                command.addAll(Arrays.asList(extraFlags.trim().split("\\s+")));
            }
            AotCache cache = aot.get(service);
            if (cache != null) {
                // on: a cache the JVM would not map fails the start instead of measuring one without it
                command.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache.cache(), "-jar",
                        cache.jar().toString()));
            } else {
                command.addAll(launch(service, report));
            }
            return command;
        }

        Map<String, String> environment() {
            return shipped ? Map.of("JAVA", ChildJvm.java()) : Map.of();
        }
    }

    public static void run(Bench bench) throws Exception {
        BenchmarkOptions options = bench.options();
        // a smoke run starts one service JVM: enough to keep the launch, health and memory code honest
        List<String> services = options.smoke() ? List.of("registration") : SERVICES;
        String extra = options.serviceJvmOptions();
        String flags = extra.isBlank() ? "" : " + " + extra;
        if (options.proposals()) {
            separateJvms(bench, services, new Launcher("default JVM flags" + flags, false, extra, Map.of()));
        }
        separateJvms(bench, services, new Launcher("service-java" + flags, true, extra, Map.of()));
        if (options.footprintAot()) {
            Map<String, AotCache> caches = new LinkedHashMap<>();
            for (String service : services) {
                AotCache.train(bench, service).ifPresent(cache -> caches.put(service, cache));
            }
            if (caches.size() == services.size()) {
                separateJvms(bench, services, new Launcher("service-java + AOT cache" + flags, true, extra, caches));
            } else {
                bench.report().note(NAME, "AOT cache: not measured, not every service's cache could be trained "
                        + "(see above and logs/).");
            }
        }
        if (options.footprintDevstack()) {
            if (onClassPath("io.lanyard.devstack.Devstack")) {
                devstack(bench);
            } else {
                bench.report().note(NAME, "Devstack: not measured; its classes are not on this class path "
                        + "(run the benchmark with -Pdevstack-footprint, infra/benchmark/README.md).");
            }
        }
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, FootprintScenario.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Returns whether a service missed its memory target. */
    private static boolean separateJvms(Bench bench, List<String> services, Launcher launcher) throws Exception {
        String label = launcher.label();
        Report report = bench.report();
        Infrastructure infrastructure = bench.infrastructure();
        EmbeddedKafkaBroker kafka = Infrastructure.startKafka();
        Map<String, ChildJvm> jvms = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        boolean missed = false;
        try {
            for (String service : services) {
                infrastructure.dropDatabase("footprint_" + service);
                infrastructure.database("footprint_" + service);
            }
            for (String service : services) {
                int port = freePort();
                ports.put(service, port);
                List<String> command = launcher.command(service, report);
                command.addAll(List.of("--server.port=" + port, "--spring.profiles.active=dev",
                        "--spring.datasource.url=" + infrastructure.database("footprint_" + service),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--lanyard.kafka.bootstrap-servers=" + kafka.getBrokersAsString()));
                jvms.put(service, ChildJvm.start(service, command, launcher.environment(),
                        bench.options().output().resolve("logs").resolve("footprint-" + service + ".log"), l -> { }));
            }
            Http http = bench.http();
            double ready = 0;
            for (String service : services) {
                double seconds = awaitHealthy(http, "http://localhost:" + ports.get(service), jvms.get(service));
                ready = Math.max(ready, seconds);
                report.info(NAME, label + ": " + service + " ready after", seconds, "s");
                report.info(NAME, label + ": " + service + " CPU used until ready",
                        CpuMeter.cpuSeconds(jvms.get(service).pid()), "s");
            }
            report.target(NAME, label + ": " + services.size() + " service JVMs started together, all ready",
                    ready, "s", Report.Goal.AT_MOST, READY_SECONDS, "");
            settle(bench);
            for (String service : services) {
                missed |= report.target(NAME, label + ": " + service + " RSS idle",
                        Memory.mib(Memory.rssKb(jvms.get(service).pid())), "MiB", Report.Goal.AT_MOST, SERVICE_MIB,
                        "300 MB") == Verdict.MISS;
            }
            if (bench.options().smoke()) {
                // the rush itself is exercised in process; a smoke run only proves launch, health and memory
                return false;
            }
            Lanyard api = new Lanyard(http, "http://localhost:" + ports.get("registration"),
                    ports.containsKey("dinners") ? "http://localhost:" + ports.get("dinners") : null,
                    Lanyard.devTokensOver(http, "http://localhost:" + ports.get("registration")));
            try (Memory.PeakSampler peaks = new Memory.PeakSampler(() -> {
                Map<String, Long> rss = new LinkedHashMap<>();
                jvms.forEach((service, jvm) -> rss.put(service, Memory.rssKb(jvm.pid())));
                return rss;
            })) {
                rush(bench, api, label + ", separate JVMs");
                peaks.close();
                for (String service : services) {
                    missed |= report.target(NAME, label + ": " + service + " RSS peak under the rush",
                            Memory.mib(peaks.peakKb(service)), "MiB", Report.Goal.AT_MOST, SERVICE_MIB, "300 MB")
                            == Verdict.MISS;
                }
                long registration = jvms.get("registration").pid();
                report.evidence(NAME, label + ", registration after the rush (RSS "
                        + Math.round(Memory.mib(Memory.rssKb(registration))) + " MiB):\n"
                        + jcmd(registration, "GC.heap_info"));
            }
        } finally {
            jvms.values().forEach(ChildJvm::close);
            kafka.destroy();
            for (String service : services) {
                infrastructure.dropDatabase("footprint_" + service);
            }
        }
        return missed;
    }

    private static void devstack(Bench bench) throws Exception {
        Report report = bench.report();
        Path home = bench.options().output().resolve("devstack-home").toAbsolutePath();
        FileSystemUtils.deleteRecursively(home);
        Map<String, Integer> ports = new ConcurrentHashMap<>();
        List<String> command = List.of(ChildJvm.java(), "-Dserver.port=0", "-cp", System.getProperty("java.class.path"),
                "io.lanyard.devstack.Devstack", "--clean");
        ChildJvm jvm = ChildJvm.start("devstack", command, Map.of("LANYARD_HOME", home.toString(),
                        "LANYARD_DEVSTACK_PG_PORT", Integer.toString(freePort())),
                bench.options().output().resolve("logs").resolve("footprint-devstack.log"), line -> {
                    Matcher m = DEVSTACK_PORT.matcher(line);
                    if (m.find()) {
                        ports.put(m.group(1), Integer.parseInt(m.group(2)));
                    }
                });
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (ports.size() < SERVICES.size()) {
                if (!jvm.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the devstack did not come up; see logs/footprint-devstack.log");
                }
                LockSupport.parkNanos(50_000_000L);
            }
            Http http = bench.http();
            double ready = 0;
            for (String service : SERVICES) {
                ready = Math.max(ready, awaitHealthy(http, "http://localhost:" + ports.get(service), jvm));
            }
            report.target(NAME, "devstack: launch until all four services ready", ready, "s", Report.Goal.AT_MOST,
                    READY_SECONDS, "");
            report.info(NAME, "devstack: CPU used until ready", CpuMeter.cpuSeconds(jvm.pid()), "s");
            settle(bench);
            Path postgres = home.resolve("postgres");
            long jvmIdle = Memory.rssKb(jvm.pid());
            long pgIdle = Memory.postgresPssKb(postgres);
            report.info(NAME, "devstack: JVM RSS idle", Memory.mib(jvmIdle), "MiB");
            report.info(NAME, "devstack: its PostgreSQL PSS idle", Memory.mib(pgIdle), "MiB");
            report.target(NAME, "devstack: whole RSS idle (JVM + PostgreSQL)", Memory.mib(jvmIdle + pgIdle), "MiB",
                    Report.Goal.AT_MOST, DEVSTACK_MIB, "2 GiB");
            Lanyard api = new Lanyard(http, "http://localhost:" + ports.get("registration"),
                    "http://localhost:" + ports.get("dinners"),
                    Lanyard.devTokensOver(http, "http://localhost:" + ports.get("registration")));
            try (Memory.PeakSampler peaks = new Memory.PeakSampler(() -> Map.of(
                    "jvm", Memory.rssKb(jvm.pid()),
                    "whole", Memory.rssKb(jvm.pid()) + Memory.postgresPssKb(postgres)))) {
                rush(bench, api, "devstack");
                peaks.close();
                report.info(NAME, "devstack: JVM RSS peak under the rush", Memory.mib(peaks.peakKb("jvm")), "MiB");
                report.target(NAME, "devstack: whole RSS peak under the rush", Memory.mib(peaks.peakKb("whole")),
                        "MiB", Report.Goal.AT_MOST, DEVSTACK_MIB, "2 GiB");
            }
            report.note(NAME, "Devstack: `io.lanyard.devstack.Devstack --clean` in a JVM with default flags and "
                    + "`-Dserver.port=0`, its own embedded PostgreSQL (counted by PSS of the postmaster and its "
                    + "backends) and its in-JVM Kafka broker.");
        } finally {
            jvm.close();
            FileSystemUtils.deleteRecursively(home);
        }
    }

    /** Scenario 3 against other processes: the registration rush, then the dinner rush on fresh attendees. */
    private static void rush(Bench bench, Lanyard api, String against) {
        BenchmarkOptions options = bench.options();
        Report report = bench.report();
        String organizer = api.organizerToken("organizer-footprint");
        TicketRush.Registrations tickets = TicketRush.registrations(api, organizer, options.rushClients(),
                options.rushQuota(), options.rushInFlight());
        TicketRush.reportOutcome(report, NAME, String.format(Locale.ROOT, "%s: tickets (%,d clients, %,d seats)",
                against, options.rushClients(), options.rushQuota()), tickets);
        if (api.dinnersUrl() == null) {
            report.note(NAME, String.format(Locale.ROOT, "Rush against %s: tickets %,.0f sold/s, p99 %.0f ms, "
                    + "oversold %d; no dinners service to rush.", against, tickets.soldPerSecond(),
                    tickets.run().all().p99(), tickets.oversold()));
            return;
        }
        Population diners = TicketRush.populate(api, organizer, options.dinnerClients(), options.concurrency());
        TicketRush.DinnerSeats dinner = TicketRush.dinner(api, diners, options.dinnerSeats(), options.dinnerClients(),
                options.rushInFlight());
        TicketRush.reportOutcome(report, NAME, String.format(Locale.ROOT, "%s: dinner (%,d clients, %,d seats)",
                against, options.dinnerClients(), options.dinnerSeats()), dinner);
        report.note(NAME, String.format(Locale.ROOT, "Rush against %s: tickets %,.0f sold/s, p99 %.0f ms, "
                        + "oversold %d; dinner %,.0f held/s, p99 %.0f ms, oversold %d.", against,
                tickets.soldPerSecond(), tickets.run().all().p99(), tickets.oversold(), dinner.heldPerSecond(),
                dinner.run().all().p99(), dinner.oversold()));
    }

    /**
     * {@code java -jar} of the service's executable jar when it is there and no source of the service changed
     * after it was built. (Its classes may well be newer: the build recompiles a module whose dependencies were
     * just packaged.)
     */
    static List<String> launch(String service, Report report) throws IOException {
        Path module = Path.of("services", service);
        Path jar = module.resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
        if (Files.isRegularFile(jar) && !olderThan(jar, module.resolve("src").resolve("main"))) {
            report.note(NAME, "Started " + service + " with `java -jar " + jar + "`.");
            return List.of("-jar", jar.toAbsolutePath().toString());
        }
        report.note(NAME, "No up-to-date " + jar + " here (the README command packages it); started " + service
                + " from this JVM's class path with main class " + MAIN_CLASSES.get(service) + ".");
        return List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASSES.get(service));
    }

    static Path executableJar(String service) {
        return Path.of("services", service, "target", service + "-0.1.0-SNAPSHOT-exec.jar");
    }

    static boolean upToDate(String service) throws IOException {
        Path jar = executableJar(service);
        return Files.isRegularFile(jar) && !olderThan(jar, Path.of("services", service, "src", "main"));
    }

    private static boolean olderThan(Path jar, Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return false;
        }
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (var files = Files.walk(sources)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() > built;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    /** What {@code jcmd} says about a JVM this benchmark started, trimmed to the lines that carry numbers. */
    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(Arrays.asList(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            StringBuilder kept = new StringBuilder("$ jcmd <pid> " + String.join(" ", command) + "\n");
            out.lines().filter(l -> l.matches(".*\\d.*") && !l.startsWith(Long.toString(pid) + ":"))
                    .filter(l -> !l.contains("(malloc=") && !l.contains("(mmap:") && !l.contains("(arena="))
                    .forEach(l -> kept.append(l).append('\n'));
            return kept.toString();
        } catch (IOException e) {
            return "jcmd failed: " + e + "\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd interrupted\n";
        }
    }

    private static double awaitHealthy(Http http, String url, ChildJvm jvm) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            Http.Answer answer = http.get(url + "/actuator/health", null);
            if (answer.status() == 200 && answer.body().contains("\"UP\"")) {
                return (System.nanoTime() - jvm.startedAt()) / 1e9;
            }
            if (!jvm.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(jvm.name() + " did not become healthy; see its log in logs/");
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    private static void settle(Bench bench) {
        LockSupport.parkNanos(bench.options().idleSettle().toNanos());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
