package io.lanyard.benchmark.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Resident memory from {@code /proc}: a JVM's {@code VmRSS}, and for PostgreSQL the proportional set size of the
 * postmaster and its backends (their shared buffers are mapped by all of them; RSS would count them once each).
 */
final class Memory {

    private Memory() {
    }

    static long rssKb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    static long pssKb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    /** The PSS of a PostgreSQL instance: its postmaster (from the data directory's pid file) and descendants. */
    static long postgresPssKb(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst()
                    .trim());
            return pssKb(postmaster) + ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants)
                    .mapToLong(p -> pssKb(p.pid())).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static double mib(long kb) {
        return kb / 1024.0;
    }

    /** Samples named readings every 200 ms on its own thread and keeps each one's peak. */
    static final class PeakSampler implements AutoCloseable {

        private final Map<String, Long> peaks = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        PeakSampler(Supplier<Map<String, Long>> readings) {
            thread = Thread.ofPlatform().name("benchmark-memory-sampler").daemon().start(() -> {
                while (running.get()) {
                    readings.get().forEach((name, kb) -> peaks.merge(name, kb, Math::max));
                    LockSupport.parkNanos(200_000_000L);
                }
            });
        }

        long peakKb(String name) {
            return peaks.getOrDefault(name, 0L);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
