package io.lanyard.devstack;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lanyard.testsupport.Http;

/**
 * A service in a JVM of its own, started from this test's class path: its output goes to a log file under
 * {@code target/}, it keeps its port across a restart, and it can be killed without warning. Every process started
 * here is killed when the test JVM exits, so a failed or interrupted run leaves no orphans behind.
 */
final class ServiceProcess implements AutoCloseable {

    /** Start-up CPU is what two cores run short of: C1 only, a small heap and stack, the CDS archive if any. */
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Xshare:auto", "-Xms64m", "-Xmx384m", "-XX:-UsePerfData");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "service-process-reaper"));
    }

    private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port\\D*(\\d+)");

    private final String name;
    private final List<String> command;
    private final Path log;
    private volatile Process process;
    private volatile long logOffset;
    private volatile int port = -1;

    private ServiceProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = command;
        this.log = log;
    }

    /**
     * Launches {@code mainClass} with the given Spring properties on a port of the OS's choosing (a port picked in
     * advance can be taken by some client's ephemeral port before the service binds it); returns at once, see
     * {@link #awaitHealthy}.
     */
    static ServiceProcess launch(String name, String mainClass, Path logs, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.add("--server.port=0");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ServiceProcess service = new ServiceProcess(name, List.copyOf(command), logs.resolve(name + ".log"));
        service.start();
        return service;
    }

    /** (Re)starts the process with the same command; the log continues where it was. */
    synchronized void start() {
        try {
            Files.createDirectories(log.getParent());
            port = -1;
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "=== " + Instant.now() + " starting " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            RUNNING.add(started);
            process = started;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    void awaitHealthy(Duration patience) {
        await(name + " healthy").atMost(patience).pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited; see " + log, () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> {
                    if (port < 0) {
                        port = portFromLog();
                    }
                    if (port < 0) {
                        return false;
                    }
                    Http.Response health = http().get("/actuator/health", null);
                    return health.status() == 200 && health.body().contains("\"UP\"");
                });
    }

    private int portFromLog() throws IOException {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logOffset);
            Matcher matcher = STARTED_ON_PORT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, no last commit. */
    void kill() {
        Process victim = process;
        victim.destroyForcibly();
        try {
            if (!victim.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(victim);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The current process's HTTP API; known once {@link #awaitHealthy} has returned. */
    Http http() {
        if (port < 0) {
            throw new IllegalStateException(name + " has no port yet");
        }
        return Http.on(port);
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Politely first, so a stopped service leaves its claims behind cleanly; then SIGKILL. */
    @Override
    public void close() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(20, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
        RUNNING.remove(running);
    }

    /**
     * The test's real class path. Surefire may start the test JVM from a manifest-only jar, in which case
     * {@code java.class.path} names that jar alone and its manifest lists the rest.
     */
    static String classPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String[] entries = classPath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest manifest = jar.getManifest();
                String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (listed != null && !listed.isBlank()) {
                    List<String> expanded = new ArrayList<>();
                    URI base = new File(entries[0]).toURI();
                    for (String url : listed.trim().split("\\s+")) {
                        expanded.add(Path.of(base.resolve(url)).toString());
                    }
                    return String.join(File.pathSeparator, expanded);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot read the class path from " + entries[0], e);
            }
        }
        return classPath;
    }
}
