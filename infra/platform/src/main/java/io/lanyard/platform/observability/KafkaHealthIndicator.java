package io.lanyard.platform.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.lanyard.platform.messaging.KafkaBackboneProperties;

/**
 * Kafka as the readiness probe sees it: the broker answers a cluster description within a short timeout. The answer
 * is kept for a few seconds, so probes of many instances and scrapes do not turn into a load on the broker, and a
 * probe never waits longer than the timeout.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private record Answer(Health health, Instant at) {
    }

    private final String bootstrapServers;
    private final LazyAdmin admin;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile Answer last;

    public KafkaHealthIndicator(KafkaBackboneProperties kafka, ObservabilityProperties properties, Clock clock) {
        this.bootstrapServers = kafka.bootstrapServers();
        this.admin = new LazyAdmin(kafka.connection(), properties.kafkaHealthTimeout());
        this.cacheFor = properties.kafkaHealthCacheFor();
        this.clock = clock;
    }

    @Override
    public Health health() {
        Answer answer = last;
        if (answer != null && answer.at().plus(cacheFor).isAfter(clock.instant())) {
            return answer.health();
        }
        return refresh();
    }

    private synchronized Health refresh() {
        Answer answer = last;
        if (answer != null && answer.at().plus(cacheFor).isAfter(clock.instant())) {
            return answer.health();
        }
        Health health = ask();
        last = new Answer(health, clock.instant());
        return health;
    }

    private Health ask() {
        int timeoutMs = admin.timeoutMs();
        try {
            DescribeClusterResult cluster = admin.get().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
            int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).withDetail("bootstrapServers", bootstrapServers).build();
        } catch (TimeoutException | RuntimeException e) {
            return Health.down(e).withDetail("bootstrapServers", bootstrapServers).build();
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
