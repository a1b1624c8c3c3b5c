package io.lanyard.benchmark.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import io.lanyard.benchmark.Bench;
import io.lanyard.benchmark.report.Report;

/**
 * A service's AOT cache made the way its image makes it (infra/compose/Dockerfile): the executable jar extracted
 * by Spring Boot's {@code -Djarmode=tools extract} into a jar and its {@code lib/}, then
 * {@code infra/compose/service-aot-training} run on them. The cache only fits the jar it was trained with, at
 * that path, so the scenario starts that jar.
 */
record AotCache(Path jar, Path cache) {

    private static final long TRAINING_MINUTES = 10;

    /** The cache, or empty (with a note saying why) when there is no up-to-date jar or the training failed. */
    static Optional<AotCache> train(Bench bench, String service) throws IOException, InterruptedException {
        Report report = bench.report();
        if (!FootprintScenario.upToDate(service)) {
            report.note(FootprintScenario.NAME, "AOT cache of " + service + ": no up-to-date "
                    + FootprintScenario.executableJar(service) + " to train it with.");
            return Optional.empty();
        }
        Path directory = bench.options().output().resolve("aot").resolve(service).toAbsolutePath();
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        Path logs = bench.options().output().resolve("logs");
        Path executable = FootprintScenario.executableJar(service).toAbsolutePath();
        if (!run(List.of(ChildJvm.java(), "-Djarmode=tools", "-jar", executable.toString(), "extract",
                "--destination", directory.toString()), Map.of(), logs.resolve("aot-extract-" + service + ".log"))) {
            report.note(FootprintScenario.NAME, "AOT cache of " + service + ": extracting the jar failed, see logs/.");
            return Optional.empty();
        }
        Path jar = directory.resolve(executable.getFileName());
        Path cache = directory.resolve("app.aot");
        long start = System.nanoTime();
        boolean trained = run(List.of("/bin/sh", FootprintScenario.AOT_TRAINING.toString(), cache.toString(),
                jar.toString()), Map.of("JAVA", ChildJvm.java()), logs.resolve("aot-training-" + service + ".log"));
        if (!trained || !Files.isRegularFile(cache)) {
            report.note(FootprintScenario.NAME, "AOT cache of " + service + ": the training run failed, see "
                    + "logs/aot-training-" + service + ".log.");
            return Optional.empty();
        }
        report.info(FootprintScenario.NAME, "AOT cache: " + service + " training run (as in the image build)",
                (System.nanoTime() - start) / 1e9, "s");
        report.info(FootprintScenario.NAME, "AOT cache: " + service + " cache size", Files.size(cache) / 1048576.0,
                "MiB");
        report.note(FootprintScenario.NAME, String.format(Locale.ROOT, "AOT cache of %s: `%s %s %s` on the jar "
                + "extracted by `java -Djarmode=tools -jar … extract`.", service, FootprintScenario.AOT_TRAINING,
                cache, jar));
        return Optional.of(new AotCache(jar, cache));
    }

    private static boolean run(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return false;
        }
        return process.exitValue() == 0;
    }
}
