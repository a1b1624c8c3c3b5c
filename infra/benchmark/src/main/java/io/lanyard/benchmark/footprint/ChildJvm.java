package io.lanyard.benchmark.footprint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A JVM the benchmark started and owns: its output goes to a log file (and, line by line, to whoever wants to
 * read it), and closing it stops exactly this process, politely first.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final long startedAt;

    private ChildJvm(String name, Process process, long startedAt) {
        this.name = name;
        this.process = process;
        this.startedAt = startedAt;
    }

    static ChildJvm start(String name, List<String> command, Map<String, String> environment, Path log,
                          Consumer<String> lines) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long startedAt = System.nanoTime();
        Process process = builder.start();
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread.ofPlatform().name("benchmark-" + name + "-output").daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)); out) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.write('\n');
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
        return new ChildJvm(name, process, startedAt);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    long startedAt() {
        return startedAt;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
