package io.lanyard.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;

/**
 * The compose stack's {@code kafka-init.sh} grants from a table of its own (a shell script cannot read
 * {@link KafkaAccess}); the two must name the same principals with the same owned and consumed topics, or compose
 * refuses a service what the embedded brokers of every test allow it.
 */
class ComposeKafkaGrantsTest {

    private static final Path SCRIPT = Path.of("..", "compose", "kafka-init.sh");
    private static final Pattern TABLE = Pattern.compile("services=\"\\n(.*?)\\n\"", Pattern.DOTALL);

    record Row(String principal, Set<String> owns, Set<String> consumes) {
    }

    @Test
    void kafka_init_grants_every_principal_exactly_what_kafka_access_grants_it() throws IOException {
        Matcher table = TABLE.matcher(Files.readString(SCRIPT));
        assertThat(table.find()).as("the services table in %s", SCRIPT).isTrue();
        List<Row> script = table.group(1).lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .map(columns -> new Row(columns[0], topics(columns[2]), topics(columns[3])))
                .toList();

        List<Row> code = KafkaAccess.SERVICES.stream()
                .map(grant -> new Row(grant.principal(), Set.copyOf(grant.owns()), Set.copyOf(grant.consumes())))
                .toList();
        assertThat(script).containsExactlyInAnyOrderElementsOf(code);
    }

    @Test
    void kafka_init_creates_the_topics_with_the_retention_the_services_create_them_with() throws IOException {
        String script = Files.readString(SCRIPT);
        KafkaAccess.TopicSettings defaults = KafkaAccess.TopicSettings.DEFAULT;

        assertThat(defaultOf(script, "LANYARD_KAFKA_TOPIC_RETENTION_MS")).isEqualTo(defaults.retention().toMillis());
        assertThat(defaultOf(script, "LANYARD_KAFKA_TOMBSTONE_RETENTION_MS"))
                .isEqualTo(defaults.tombstoneRetention().toMillis());
        assertThat(defaultOf(script, "LANYARD_KAFKA_MAX_COMPACTION_LAG_MS"))
                .isEqualTo(defaults.maxCompactionLag().toMillis());
        assertThat(script).contains("contacts_topic=" + EventCatalogue.CONTACTS_TOPIC + "\n")
                .contains("cleanup.policy=compact,delete.retention.ms=$tombstone_retention_ms,"
                        + "max.compaction.lag.ms=$max_compaction_lag_ms")
                .contains("cleanup.policy=delete,retention.ms=$retention_ms");
    }

    private static long defaultOf(String script, String variable) {
        Matcher value = Pattern.compile("\\$\\{" + variable + ":-(\\d+)}").matcher(script);
        assertThat(value.find()).as("a default for %s in %s", variable, SCRIPT).isTrue();
        return Long.parseLong(value.group(1));
    }

    private static Set<String> topics(String column) {
        return column.equals("-") ? Set.of()
                : Arrays.stream(column.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
