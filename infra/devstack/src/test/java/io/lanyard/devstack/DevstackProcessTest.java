package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import io.lanyard.testsupport.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The devstack as a user meets it: its main class started in a JVM of its own on this test's class path, then stopped
 * with SIGTERM (what Ctrl-C amounts to). Its start prints the banner within 100 lines and nothing after it; its stop
 * takes under 10 s, stops the services before Kafka before PostgreSQL and prints no exception; the data directory it
 * leaves behind holds what was written before the stop. Its output is in {@code target/devstack-process/}.
 */
class DevstackProcessTest {

    private static final Path WORK = Path.of("target", "devstack-process").toAbsolutePath();
    private static final Path HOME = WORK.resolve("home");
    private static final Path OUTPUT = WORK.resolve("devstack.log");
    private static final String BANNER = "Lanyard devstack is up";
    private static final String BANNER_END = "Ctrl-C stops everything.";
    private static final Pattern REGISTRATION_URL = Pattern.compile("registration\\s+http://localhost:(\\d+)");
    private static final Pattern POSTGRES_PORT = Pattern.compile("PostgreSQL\\s+localhost:(\\d+)");
    private static final Pattern EXCEPTION = Pattern.compile("Exception|^\\s+at \\S+\\(|^Caused by:");

    private Process devstack;

    @AfterEach
    void reap() {
        if (devstack != null && devstack.isAlive()) {
            devstack.destroyForcibly();
        }
    }

    @Test
    void starts_quietly_to_its_banner_and_stops_in_order_within_ten_seconds_keeping_its_state() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-Xmx1536m"));
        if (Runtime.version().feature() >= 24) {
            // what infra/devstack/pom.xml gives spring-boot:run there: Kafka unmaps its segments through Unsafe
            java.add("--sun-misc-unsafe-memory-access=allow");
        }
        java.addAll(List.of("-cp", ServiceProcess.classPath(), Devstack.class.getName()));
        ProcessBuilder command = new ProcessBuilder(java)
                .redirectErrorStream(true)
                .redirectOutput(OUTPUT.toFile());
        command.environment().putAll(Map.of("LANYARD_HOME", HOME.toString(),
                "LANYARD_DEVSTACK_PG_PORT", "0", "LANYARD_DEVSTACK_FIRST_PORT", "0"));
        devstack = command.start();

        await("the banner").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .failFast("the devstack exited; see " + OUTPUT, () -> !devstack.isAlive())
                .until(() -> output().stream().anyMatch(line -> line.contains(BANNER_END)));
        List<String> started = output();
        int banner = indexOf(started, BANNER);
        int bannerEnd = indexOf(started, BANNER_END);
        assertThat(bannerEnd).as("lines up to the end of the banner, in %s", OUTPUT).isLessThan(100);
        String bannerText = String.join("\n", started.subList(banner, bannerEnd + 1));
        Http registration = Http.on(Integer.parseInt(group(REGISTRATION_URL, bannerText)));
        assertThat(Integer.parseInt(group(POSTGRES_PORT, bannerText))).as("PostgreSQL's port").isPositive();

        String token = registration.post("/dev/tokens", null, Map.of("subject", "olivia", "roles",
                List.of("ORGANIZER"))).json().get("token").asString();
        Http.Response created = registration.post("/conferences", token, Map.of("name", "Kept across a stop",
                "startsOn", "2027-05-14", "endsOn", "2027-05-22", "timeZone", "America/Los_Angeles"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID conference = UUID.fromString(created.json().get("id").asString());
        assertThat(output()).as("nothing printed after the banner").hasSize(bannerEnd + 1);

        long stopping = System.nanoTime();
        devstack.destroy();
        assertThat(devstack.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
        System.out.printf("devstack stopped in %d ms, exit code %d%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping), devstack.exitValue());

        List<String> all = output();
        assertThat(all).as("no exception or stack trace in %s", OUTPUT).noneMatch(line -> EXCEPTION.matcher(line).find());
        List<String> stop = all.subList(bannerEnd + 1, all.size());
        assertThat(indexOf(stop, "Stopped the services"))
                .isGreaterThanOrEqualTo(0)
                .isLessThan(indexOf(stop, "Stopped Kafka"));
        assertThat(indexOf(stop, "Stopped Kafka")).isLessThan(indexOf(stop, "Stopped PostgreSQL"));

        assertThat(HOME.resolve("postgres").resolve("postmaster.pid"))
                .as("PostgreSQL shut down, not left running or killed").doesNotExist();
        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(HOME.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            JdbcClient database = JdbcClient.create(restarted.getDatabase("postgres", "registration"));
            assertThat(database.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                    .param(conference.toString()).query(Long.class).single())
                    .as("the conference's events after a restart of its database").isPositive();
        }
    }

    private static List<String> output() throws IOException {
        return Files.exists(OUTPUT) ? Files.readAllLines(OUTPUT, StandardCharsets.UTF_8) : List.of();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in the banner:%n%s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
