package io.lanyard.benchmark.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder recording of this JVM around one scenario, summarised the way one reads a profile: which code
 * the CPU samples land in, where threads wait on monitors, and where they park (connection pools, aggregate
 * locks, futures). The raw recording stays next to the results for {@code jfr print} or JMC.
 */
public final class Profiler {

    private static final int TOP = 12;

    /** Package prefixes, checked in order; the first frame outside the JDK decides a sample's owner. */
    private static final List<String[]> OWNERS = List.of(
            new String[] {"io.lanyard.benchmark.", "load generator (benchmark)"},
            new String[] {"java.net.http.", "load generator (JDK HTTP client)"},
            new String[] {"jdk.internal.net.http.", "load generator (JDK HTTP client)"},
            new String[] {"io.lanyard.", "Lanyard code"},
            new String[] {"org.axonframework.", "Axon"},
            new String[] {"org.postgresql.", "PostgreSQL JDBC driver"},
            new String[] {"com.zaxxer.hikari.", "Hikari pool"},
            new String[] {"org.apache.kafka.", "Kafka clients and broker"},
            new String[] {"kafka.", "Kafka clients and broker"},
            new String[] {"scala.", "Kafka clients and broker"},
            new String[] {"tools.jackson.", "Jackson"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"com.nimbusds.", "JWT (Nimbus, Spring Security)"},
            new String[] {"org.springframework.security.", "JWT (Nimbus, Spring Security)"},
            new String[] {"org.apache.catalina.", "Tomcat"},
            new String[] {"org.apache.coyote.", "Tomcat"},
            new String[] {"org.apache.tomcat.", "Tomcat"},
            new String[] {"org.springframework.", "Spring (web, jdbc, tx)"},
            new String[] {"org.flywaydb.", "Flyway"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.slf4j.", "logging"});

    /** Where idle threads wait for work: not contention, so not shown among the parked threads. */
    private static final List<String> IDLE_WAITS = List.of("io.lanyard.benchmark.", "java.net.http",
            "jdk.internal.net.http", "(JDK only)", "org.apache.tomcat.util.threads.TaskQueue.poll",
            "org.apache.tomcat.util.threads.TaskQueue.take",
            "org.apache.tomcat.util.threads.TaskThread", "kafka.", "org.apache.kafka.server.",
            "org.apache.kafka.coordinator.", "org.apache.kafka.queue.", "org.apache.kafka.raft.",
            "org.apache.kafka.controller.", "org.apache.kafka.storage.", "io.opentelemetry.sdk.",
            "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore$EventProducer.waitForData",
            "com.github.kagkarlsson.scheduler.");

    private final Path directory;
    private Recording recording;
    private String name;

    public Profiler(Path directory) {
        this.directory = directory;
    }

    public void start(String scenario) {
        try {
            name = scenario.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
            // the low-overhead settings, sampling CPU every 10 ms and recording waits of 5 ms and more
            recording = new Recording(Configuration.getConfiguration("default"));
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(5)).withStackTrace();
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(5)).withStackTrace();
            recording.start();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Flight Recorder did not start", e);
        }
    }

    /** Stops the recording, keeps the file and returns a readable summary of it. */
    public String stop() {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".jfr");
            recording.stop();
            recording.dump(file);
            recording.close();
            return summarise(file);
        } catch (IOException e) {
            return "profile unavailable: " + e;
        }
    }

    static String summarise(Path file) throws IOException {
        Map<String, Long> owners = new HashMap<>();
        Map<String, Long> hotMethods = new HashMap<>();
        Map<String, Long> hotLanyard = new HashMap<>();
        Map<String, long[]> monitors = new HashMap<>();
        Map<String, long[]> parks = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    owners.merge(owner(stack), 1L, Long::sum);
                    hotMethods.merge(frame(stack.getFrames().getFirst()), 1L, Long::sum);
                    stack.getFrames().stream()
                            .filter(f -> f.isJavaFrame() && type(f).startsWith("io.lanyard.")
                                    && !type(f).startsWith("io.lanyard.benchmark."))
                            .findFirst()
                            .ifPresent(f -> hotLanyard.merge(frame(f), 1L, Long::sum));
                }
                case "jdk.JavaMonitorEnter" -> {
                    String where = event.getClass("monitorClass").getName() + " at " + firstNonJdk(stack);
                    add(monitors, where, event.getDuration());
                }
                case "jdk.ThreadPark" -> {
                    String where = firstNonJdk(stack);
                    if (isJdk(where)) {
                        where = "(JDK only) in threads named " + threadName(event);
                    }
                    String waiting = where;
                    if (IDLE_WAITS.stream().noneMatch(waiting::startsWith)) {
                        add(parks, where, event.getDuration());
                    }
                }
                default -> {
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("JFR ").append(file.getFileName()).append(": ").append(samples).append(" CPU samples\n");
        out.append("CPU samples by owner of the first non-JDK frame:\n");
        top(owners, s -> String.format(Locale.ROOT, "%5.1f%%", 100.0 * s / Math.max(1, owners.values().stream()
                .mapToLong(Long::longValue).sum())), out);
        out.append("Hottest methods (top frame):\n");
        long total = Math.max(1, hotMethods.values().stream().mapToLong(Long::longValue).sum());
        top(hotMethods, s -> String.format(Locale.ROOT, "%5.1f%%", 100.0 * s / total), out);
        out.append("Hottest Lanyard frames (first io.lanyard frame on the stack):\n");
        top(hotLanyard, s -> String.format(Locale.ROOT, "%5.1f%%", 100.0 * s / total), out);
        out.append("Monitor contention (>= 5 ms; count, total wait):\n");
        topDurations(monitors, out);
        out.append("Parked threads, idle pools and the load generator left out (>= 5 ms; count, total wait):\n");
        topDurations(parks, out);
        return out.toString();
    }

    private static void add(Map<String, long[]> map, String key, Duration duration) {
        long[] acc = map.computeIfAbsent(key, k -> new long[2]);
        acc[0]++;
        acc[1] += duration.toNanos();
    }

    private static void top(Map<String, Long> counts, Function<Long, String> share, StringBuilder out) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .forEach(e -> out.append("  ").append(share.apply(e.getValue())).append("  ").append(e.getKey())
                        .append('\n'));
    }

    private static void topDurations(Map<String, long[]> map, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("  none\n");
        }
        map.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(TOP)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %7d  %9.1f s  %s%n", e.getValue()[0],
                        e.getValue()[1] / 1e9, e.getKey())));
    }

    private static String owner(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = type(frame);
            for (String[] owner : OWNERS) {
                if (type.startsWith(owner[0])) {
                    return owner[1];
                }
            }
            if (!isJdk(type)) {
                return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
            }
        }
        return "JDK only (GC, JIT helpers, idle I/O)";
    }

    private static String firstNonJdk(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (!isJdk(type(frame))) {
                return frame(frame);
            }
        }
        return frame(stack.getFrames().getFirst());
    }

    private static String threadName(RecordedEvent event) {
        String name = event.getThread() == null ? null : event.getThread().getJavaName();
        return name == null ? "(virtual)" : name.replaceAll("\\d+", "#");
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("javax.") || type.startsWith("com.sun.");
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String frame(RecordedFrame frame) {
        return type(frame) + "." + frame.getMethod().getName();
    }
}
