package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import tools.jackson.databind.node.ObjectNode;

/**
 * redocly lint, recommended rules (openapi-lint/: its version pinned in package-lock.json), finds no error in any
 * service's committed document; OpenApiDocumentsTest keeps those equal to what the services serve. Needs Node.js
 * 20.19+ and npm on the PATH; the first run installs the linter with {@code npm ci}.
 */
class OpenApiLintTest {

    private static final Path PROJECT = Path.of("openapi-lint").toAbsolutePath();
    private static final Path OUTPUT = Path.of("target", "openapi-lint").toAbsolutePath();
    private static final List<String> SERVICES = List.of("dinners", "notifications", "registration", "sprints",
            "volunteering");

    @BeforeAll
    static void install() throws IOException {
        Files.createDirectories(OUTPUT);
        Path installed = PROJECT.resolve("node_modules").resolve(".package-lock.json");
        FileTime locked = Files.getLastModifiedTime(PROJECT.resolve("package-lock.json"));
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(locked) < 0) {
            Run install = run("npm-ci", List.of("npm", "ci", "--no-audit", "--no-fund", "--no-update-notifier"));
            assertThat(install.exit()).as("npm ci in %s:%n%s", PROJECT, install.output()).isZero();
        }
    }

    @Test
    void every_committed_document_lints_without_errors() throws IOException {
        List<String> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(OpenApiDocumentsTest.COMMITTED)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .forEach(f -> documents.add(f.toAbsolutePath().normalize().toString()));
        }
        assertThat(documents).extracting(d -> Path.of(d).getFileName().toString().replace(".json", ""))
                .containsExactlyElementsOf(SERVICES);

        Run lint = lint("lint", documents);

        assertThat(lint.exit()).as("redocly lint found errors:%n%s", lint.output()).isZero();
        assertThat(lint.output()).as(lint.output()).contains("Your API descriptions are valid");
        for (String document : documents) {
            assertThat(lint.output()).as(lint.output()).contains(Path.of(document).getFileName() + ": validated");
        }
    }

    /** The check can fail: a document without its info object is an error under the recommended rules. */
    @Test
    void a_document_with_an_error_fails_the_lint() throws IOException {
        ObjectNode broken = (ObjectNode) Http.JSON.readTree(OpenApiDocumentsTest.COMMITTED.resolve("dinners.json")
                .toFile());
        broken.remove("info");
        Path file = OUTPUT.resolve("broken.json");
        Files.writeString(file, broken.toString());

        Run lint = lint("lint-broken", List.of(file.toString()));

        assertThat(lint.exit()).as(lint.output()).isNotZero();
        assertThat(lint.output()).as(lint.output()).contains("info");
    }

    private static Run lint(String name, List<String> documents) {
        List<String> command = new ArrayList<>(List.of("npm", "exec", "--offline", "--no-update-notifier", "--",
                "redocly", "lint", "--config", PROJECT.resolve("redocly.yaml").toString()));
        command.addAll(documents);
        return run(name, command);
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String name, List<String> command) {
        Path log = OUTPUT.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("The OpenAPI lint needs Node.js 20.19 or newer with npm on the PATH (" + e.getMessage()
                    + "); install Node.js, then run the build again", e);
        }
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 3 minutes; see " + log);
            }
            return new Run(process.exitValue(), Files.readString(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
