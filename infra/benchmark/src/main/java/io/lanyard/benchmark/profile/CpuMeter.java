package io.lanyard.benchmark.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where the machine's CPU went between two readings: this JVM (services and load generator), PostgreSQL (the
 * postmaster and its backends), the processes this JVM started (service JVMs, a devstack), and everything else on
 * the machine, which on a shared box is other people's work. Read from {@code /proc}; on systems without it every
 * share reads as unknown.
 */
public final class CpuMeter {

    public record Reading(long machineBusy, long machineTotal, long jvm, long postgres, long started) {
    }

    public record Split(double seconds, double machineBusyPercent, double jvmCores, double postgresCores,
                        double startedCores, double othersCores, int cores) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "machine %.0f%% busy of %d cores over %.1fs: this JVM %.2f cores, PostgreSQL %.2f cores, "
                            + "%sother processes %.2f cores", machineBusyPercent, cores, seconds, jvmCores,
                    postgresCores, startedCores < 0.005 ? ""
                            : String.format(Locale.ROOT, "JVMs it started %.2f cores, ", startedCores),
                    othersCores);
        }
    }

    private static final double TICKS_PER_SECOND = 100.0;
    private final Path postgresDataDirectory;

    public CpuMeter(Path postgresDataDirectory) {
        this.postgresDataDirectory = postgresDataDirectory;
    }

    public Reading read() {
        long[] machine = machine();
        long self = ProcessHandle.current().pid();
        Set<Long> postgres = postgresPids();
        // children that have exited and been waited for are counted in this process's cutime and cstime
        long started = ticks(self, true) - ticks(self, false) + ProcessHandle.current().descendants()
                .filter(p -> !postgres.contains(p.pid()))
                .mapToLong(p -> ticks(p.pid(), false))
                .sum();
        return new Reading(machine[0], machine[1], ticks(self, false),
                postgres.stream().mapToLong(pid -> ticks(pid, false)).sum() + reapedByPostmaster(), started);
    }

    public Split since(Reading before, long beforeNanos) {
        Reading now = read();
        double seconds = (System.nanoTime() - beforeNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        long total = now.machineTotal() - before.machineTotal();
        double busyTicks = now.machineBusy() - before.machineBusy();
        double busyPercent = total <= 0 ? Double.NaN : 100.0 * busyTicks / total;
        // /proc/stat counts every core's ticks; convert the busy share to cores
        double machineCores = busyPercent / 100.0 * cores;
        double jvm = (now.jvm() - before.jvm()) / TICKS_PER_SECOND / seconds;
        double postgres = (now.postgres() - before.postgres()) / TICKS_PER_SECOND / seconds;
        double started = Math.max(0, (now.started() - before.started()) / TICKS_PER_SECOND / seconds);
        return new Split(seconds, busyPercent, jvm, postgres, started,
                Math.max(0, machineCores - jvm - postgres - started), cores);
    }

    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The postmaster and its live backends. */
    private Set<Long> postgresPids() {
        OptionalLong postmaster = postmasterPid();
        if (postmaster.isEmpty()) {
            return Set.of();
        }
        Set<Long> pids = new HashSet<>();
        pids.add(postmaster.getAsLong());
        ProcessHandle.of(postmaster.getAsLong()).stream().flatMap(ProcessHandle::descendants)
                .forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** Backends that have exited: the postmaster waited for them, so their time is in its cutime and cstime. */
    private long reapedByPostmaster() {
        OptionalLong postmaster = postmasterPid();
        return postmaster.isEmpty() ? 0
                : ticks(postmaster.getAsLong(), true) - ticks(postmaster.getAsLong(), false);
    }

    private OptionalLong postmasterPid() {
        if (postgresDataDirectory == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readAllLines(postgresDataDirectory.resolve("postmaster.pid")).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU time a process has used so far, user and system. */
    public static double cpuSeconds(long pid) {
        return ticks(pid, false) / TICKS_PER_SECOND;
    }

    /** utime + stime of a process, and with {@code reaped} also of its children that have exited. */
    static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
