package io.lanyard.platform.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    private final KafkaBackboneProperties kafka;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private Admin admin;
    private volatile Answer last;

    public KafkaHealthIndicator(KafkaBackboneProperties kafka, ObservabilityProperties properties, Clock clock) {
        this.kafka = kafka;
        this.timeout = properties.kafkaHealthTimeout();
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
        try {
            int timeoutMs = (int) timeout.toMillis();
            DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
            int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).withDetail("bootstrapServers", kafka.bootstrapServers()).build();
        } catch (TimeoutException | RuntimeException e) {
            return Health.down(e).withDetail("bootstrapServers", kafka.bootstrapServers()).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int timeoutMs = (int) timeout.toMillis();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
