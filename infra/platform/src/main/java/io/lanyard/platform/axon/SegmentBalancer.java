package io.lanyard.platform.axon;

import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shares a streaming processor's segments between the instances of a service. Axon's pooled streaming processor
 * claims every unclaimed segment it finds and, with the JDBC token store, nothing ever hands one back: the first
 * instance to start published every event and the others only stood by (found by {@code SeparateProcessesTest}).
 * <p>
 * Every instance says it is alive in {@code processor_node} each interval; an instance that holds more than its fair
 * share (the segments divided by the live instances, rounded up) releases the surplus for three intervals, and the
 * others claim it. An instance that stops saying it is alive drops out of the count after three intervals; its
 * claims expire on their own and the rest take them.
 */
final class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final String processorName;
    private final String nodeId;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc, String processorName, String nodeId,
                    Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.processorName = processorName;
        this.nodeId = nodeId;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lanyard-segment-balancer").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        scheduler = null;
        try {
            jdbc.sql("delete from processor_node where processor_name = ? and node_id = ?")
                    .params(processorName, nodeId).update();
        } catch (RuntimeException e) {
            log.debug("Could not sign {} off from {}: {}", nodeId, processorName, e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next round tries again
            log.debug("Balancing {} failed: {}", processorName, e.toString());
        }
    }

    void balance() {
        double staleAfter = interval.multipliedBy(3).toMillis() / 1000.0;
        jdbc.sql("""
                        insert into processor_node (processor_name, node_id, seen_at) values (?, ?, now())
                        on conflict (processor_name, node_id) do update set seen_at = excluded.seen_at""")
                .params(processorName, nodeId).update();
        jdbc.sql("delete from processor_node where processor_name = ? and seen_at < now() - make_interval(secs => ?)")
                .params(processorName, staleAfter).update();
        int live = jdbc.sql("select count(*) from processor_node where processor_name = ?")
                .param(processorName).query(Integer.class).single();
        int segments = jdbc.sql("select count(*) from token_entry where processor_name = ?")
                .param(processorName).query(Integer.class).single();
        StreamingEventProcessor processor = processing
                .eventProcessor(processorName, StreamingEventProcessor.class).orElse(null);
        if (processor == null || live == 0) {
            return;
        }
        Set<Integer> mine = processor.processingStatus().keySet();
        int fairShare = Math.ceilDiv(segments, live);
        int surplus = mine.size() - fairShare;
        if (surplus > 0) {
            long releaseFor = interval.multipliedBy(3).toMillis();
            mine.stream().sorted(Comparator.reverseOrder()).limit(surplus).forEach(segment -> {
                log.info("Releasing segment {} of {}: {} instances share {} segments", segment, processorName, live,
                        segments);
                processor.releaseSegment(segment, releaseFor, TimeUnit.MILLISECONDS);
            });
        }
    }
}
