package io.lanyard.platform.observability;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** One Kafka admin client, opened on first use and kept; its calls give up after the configured timeout. */
final class LazyAdmin implements AutoCloseable {

    private final String bootstrapServers;
    private final int timeoutMs;
    private Admin admin;

    LazyAdmin(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeoutMs = (int) timeout.toMillis();
    }

    int timeoutMs() {
        return timeoutMs;
    }

    synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
