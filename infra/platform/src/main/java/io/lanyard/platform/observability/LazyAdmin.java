package io.lanyard.platform.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** One Kafka admin client, opened on first use and kept; its calls give up after the configured timeout. */
final class LazyAdmin implements AutoCloseable {

    private final Map<String, Object> connection;
    private final int timeoutMs;
    private Admin admin;

    LazyAdmin(Map<String, Object> connection, Duration timeout) {
        this.connection = Map.copyOf(connection);
        this.timeoutMs = (int) timeout.toMillis();
    }

    int timeoutMs() {
        return timeoutMs;
    }

    synchronized Admin get() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(connection);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            admin = Admin.create(config);
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
