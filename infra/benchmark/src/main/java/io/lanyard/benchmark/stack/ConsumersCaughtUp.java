package io.lanyard.benchmark.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the services have nothing left to publish or consume: no topic has grown for a while (the
 * publishers are idle) and every consumer group has committed up to the end of the topics it reads. A latency
 * measured while a consumer still works off an earlier scenario's backlog would measure the backlog.
 */
public final class ConsumersCaughtUp {

    private ConsumersCaughtUp() {
    }

    /**
     * Returns the seconds waited; {@code groups} maps each consumer group to the topics it consumes, and no topic
     * may have grown for {@code quiet} (longer than a publisher's idle poll).
     */
    public static double await(String bootstrap, Map<String, List<String>> groups, Duration quiet, Duration timeout)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, Long> lastEnds = Map.of();
            long quietSince = System.nanoTime();
            while (true) {
                Map<TopicPartition, Long> ends = endOffsets(admin, groups.values().stream().flatMap(List::stream)
                        .distinct().toList());
                if (!ends.equals(lastEnds)) {
                    lastEnds = ends;
                    quietSince = System.nanoTime();
                }
                boolean still = System.nanoTime() - quietSince >= quiet.toNanos();
                if (still && caughtUp(admin, groups, ends)) {
                    return (System.nanoTime() - start) / 1e9;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consumers still behind after " + timeout);
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest())));
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static boolean caughtUp(Admin admin, Map<String, List<String>> groups, Map<TopicPartition, Long> ends)
            throws Exception {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (!group.getValue().contains(end.getKey().topic()) || end.getValue() == 0) {
                    continue;
                }
                OffsetAndMetadata at = committed.get(end.getKey());
                if (at == null || at.offset() < end.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }
}
