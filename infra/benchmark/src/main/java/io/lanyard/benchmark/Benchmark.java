package io.lanyard.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.AppInfoParser;

import io.lanyard.benchmark.baseline.BaselineScenario;
import io.lanyard.benchmark.commands.IndependentCommandsScenario;
import io.lanyard.benchmark.footprint.FootprintScenario;
import io.lanyard.benchmark.growth.GrowthScenario;
import io.lanyard.benchmark.profile.CpuMeter;
import io.lanyard.benchmark.profile.Profiler;
import io.lanyard.benchmark.propagation.PropagationScenario;
import io.lanyard.benchmark.replay.ReplayScenario;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.report.Row;
import io.lanyard.benchmark.report.Verdict;
import io.lanyard.benchmark.rush.RushScenario;
import io.lanyard.benchmark.stack.Infrastructure;
import io.lanyard.benchmark.store.StoredFormat;
import io.lanyard.benchmark.webhooks.WebhooksScenario;

/**
 * Lanyard under the load of a conference's busiest hours, next to what raw PostgreSQL and Kafka do on the same
 * machine in the same run. Starts the embedded stack itself, drives real HTTP traffic to localhost, prints a
 * table and writes {@code results.md} and {@code results.json}. See docs/benchmarks.md.
 */
public final class Benchmark {

    /** One scenario's work; scenarios that need services find them on the bench. */
    @FunctionalInterface
    interface Scenario {
        void run(Bench bench) throws Exception;
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Report report = run(options, String.join(" ", args));
        boolean failed = report.rows().stream().anyMatch(r -> r.verdict() == Verdict.NOT_RUN);
        System.out.println("Results written to " + options.output().toAbsolutePath());
        // embedded Kafka and PostgreSQL leave non-daemon threads behind
        System.exit(failed ? 1 : 0);
    }

    public static Report run(BenchmarkOptions options, String commandLine) throws Exception {
        Report report = new Report(options.smoke());
        Files.createDirectories(options.output());
        describeMachine(report, options, commandLine);
        try (Infrastructure infrastructure = Infrastructure.start(options.output(), options.synchronousCommit())) {
            describeInfrastructure(report, infrastructure);
            Bench bench = new Bench(options, report, infrastructure);
            Profiler profiler = new Profiler(options.output().resolve("jfr"));
            CpuMeter cpu = new CpuMeter(infrastructure.postgresDataDirectory());

            scenario(bench, "baseline", BaselineScenario.NAME, profiler, cpu, BaselineScenario::run);
            if (needsServices(options)) {
                bench.startServices(List.of());
            }
            scenario(bench, "commands", IndependentCommandsScenario.NAME, profiler, cpu,
                    IndependentCommandsScenario::run);
            scenario(bench, "rush", RushScenario.NAME, profiler, cpu, RushScenario::run);
            scenario(bench, "propagation", PropagationScenario.NAME, profiler, cpu, PropagationScenario::run);
            scenario(bench, "webhooks", WebhooksScenario.NAME, profiler, cpu, WebhooksScenario::run);
            StoredFormat format = null;
            if (options.runs("replay") || options.runs("growth")) {
                try {
                    format = ReplayScenario.checkStoredFormat(bench);
                } catch (Exception e) {
                    e.printStackTrace();
                    report.note(ReplayScenario.NAME, "Checking registration's stored format failed: " + e);
                }
            }
            StoredFormat checked = format;
            bench.stopServices();
            scenario(bench, "replay", ReplayScenario.NAME, profiler, cpu,
                    b -> ReplayScenario.run(b, known(checked)));
            scenario(bench, "growth", GrowthScenario.NAME, profiler, cpu,
                    b -> GrowthScenario.run(b, known(checked)));
            // footprint measures other JVMs; profiling this one would only add noise
            scenario(bench, "footprint", FootprintScenario.NAME, null, cpu, FootprintScenario::run);
        }
        report.environment("load average after the run", loadAverage());
        report.printTable(System.out);
        report.write(options.output());
        return report;
    }

    /** Bulk loads copy what registration really stores; without that check they would measure something else. */
    private static StoredFormat known(StoredFormat format) {
        if (format == null) {
            throw new IllegalStateException("registration's stored format could not be checked, see the notes");
        }
        return format;
    }

    private static boolean needsServices(BenchmarkOptions options) {
        return options.runs("commands") || options.runs("rush") || options.runs("propagation")
                || options.runs("webhooks") || options.runs("replay") || options.runs("growth");
    }

    private static void scenario(Bench bench, String key, String name, Profiler profiler, CpuMeter cpu,
                                 Scenario scenario) {
        if (!bench.options().runs(key)) {
            return;
        }
        Report report = bench.report();
        System.out.println();
        System.out.println("== " + name + "  (load average " + loadAverage() + ")");
        report.note(name, "Load average when the scenario started: " + loadAverage() + ".");
        int rowsBefore = report.rows().size();
        boolean profiling = profiler != null && bench.options().profile();
        if (profiling) {
            profiler.start(name);
        }
        CpuMeter.Reading before = cpu.read();
        long started = System.nanoTime();
        try {
            scenario.run(bench);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            report.notRun(name, "scenario failed", e.toString().replace('\n', ' '));
        }
        report.note(name, "CPU during the scenario (set-up included): " + cpu.since(before, started) + ".");
        if (profiling) {
            String summary = profiler.stop();
            List<Row> mine = report.rows().subList(rowsBefore, report.rows().size());
            if (mine.stream().anyMatch(r -> r.verdict() == Verdict.MISS)) {
                report.evidence(name, summary);
            } else {
                report.note(name, "Flight recording kept in jfr/ next to the results.");
            }
        }
    }

    private static void describeMachine(Report report, BenchmarkOptions options, String commandLine) {
        report.environment("run", (options.smoke() ? "smoke" : "full") + ", started "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.environment("arguments", commandLine.isBlank() ? "(none)" : "`" + commandLine + "`");
        report.environment("git commit", git());
        report.environment("machine", Runtime.getRuntime().availableProcessors() + " cores ("
                + firstLine("/proc/cpuinfo", "model name") + "), " + memory() + " RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.environment("load average before the run", loadAverage());
        report.environment("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        report.environment("Kafka", AppInfoParser.getVersion() + " (embedded KRaft broker, 1 node, 6 partitions)");
    }

    private static void describeInfrastructure(Report report, Infrastructure infrastructure) {
        report.environment("PostgreSQL", infrastructure.setting("server_version") + " (embedded), fsync="
                + infrastructure.setting("fsync") + ", synchronous_commit="
                + infrastructure.setting("synchronous_commit")
                + ", shared_buffers=" + infrastructure.setting("shared_buffers") + ", max_connections="
                + infrastructure.setting("max_connections"));
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1/5/15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        String kb = firstLine("/proc/meminfo", "MemTotal").replace("kB", "").trim();
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return "unknown";
        }
    }

    private static String git() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
