package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Waits until nothing more can take effect: each publisher has sent its whole event store (every segment of its
 * {@code integration-publisher} stands at the store's head), and then each consumer group has committed up to the
 * end of the topics it reads (its lag is zero). An effect counted the moment it first appears can still be doubled
 * by a record behind it, a re-publish or a redelivery; counted after this, nothing is left to double it.
 */
final class Settled {

    private Settled() {
    }

    /** {@code groups} maps each consumer group to the topics it consumes. */
    static void settle(String bootstrap, Collection<JdbcClient> publishers, Map<String, List<String>> groups,
                      Duration patience) {
        try (Admin admin = Admin.create(EmbeddedInfrastructure.kafkaAdmin(bootstrap))) {
            await("published everything, then consumed to the end").atMost(patience)
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        List<String> behind = new ArrayList<>();
                        publishers.forEach(database -> publisherBehind(database, behind));
                        if (behind.isEmpty()) {
                            consumersBehind(admin, groups, behind);
                        }
                        assertThat(behind).as("still behind").isEmpty();
                    });
        }
    }

    private static void publisherBehind(JdbcClient database, List<String> behind) {
        long head = database.sql("select coalesce(max(global_index), -1) from domain_event_entry")
                .query(Long.class).single();
        List<Long> positions = database.sql("select token from token_entry where processor_name = ?")
                .param(IntegrationPublishing.PROCESSING_GROUP)
                .query((rs, n) -> position(rs.getBytes("token")))
                .list();
        if (positions.isEmpty() || positions.stream().anyMatch(position -> position < head)) {
            behind.add("publisher at " + positions + ", head " + head);
        }
    }

    /**
     * The global index a serialized token has reached: its {@code index}, or for a token made of others (merged,
     * replaying) the least of theirs; -1 for a segment that has not started.
     */
    private static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        List<JsonNode> indexes = Http.JSON.readTree(token).findValues("index");
        return indexes.isEmpty() ? -1 : indexes.stream().mapToLong(JsonNode::asLong).min().orElseThrow();
    }

    private static void consumersBehind(Admin admin, Map<String, List<String>> groups, List<String> behind)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        List<String> topics = groups.values().stream().flatMap(List::stream).distinct().toList();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, offset) -> ends.put(partition, offset.offset()));
        for (var group : groups.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            ends.forEach((partition, end) -> {
                OffsetAndMetadata at = committed.get(partition);
                if (group.getValue().contains(partition.topic()) && end > 0 && (at == null || at.offset() < end)) {
                    behind.add(group.getKey() + " at " + (at == null ? "nothing" : at.offset()) + " of " + end
                            + " in " + partition);
                }
            });
        }
    }
}
