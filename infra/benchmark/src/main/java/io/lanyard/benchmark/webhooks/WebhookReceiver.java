package io.lanyard.benchmark.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lanyard.benchmark.load.Http;
import io.lanyard.testsupport.WebhookSignatures;

/**
 * A conference's integrator, as one would write it with nothing but the JDK: an HTTP server on 127.0.0.1 that
 * checks every delivery the way the Standard Webhooks specification (docs/api.md, "Webhooks") tells a receiver
 * to, and answers {@code 204} to each that verifies, {@code 401} to any other. It keeps when each delivery
 * arrived, so the scenario can set it against the registration's 201.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The specification's tolerance for a timestamp's distance from the receiver's clock (replay protection). */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One delivery as it arrived; {@code attendeeId} is the payload's, empty when it has none. */
    record Delivery(int endpoint, String webhookId, String type, String attendeeId, boolean verified,
                    long arrivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Integer, String> secrets = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger endpoints = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(threads);
        server.createContext("/hooks/", this::handle);
        server.start();
    }

    /** A new endpoint's number; its URL is {@link #url(int)}, and it verifies with the secret given later. */
    int endpoint() {
        return endpoints.incrementAndGet();
    }

    String url(int endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + endpoint;
    }

    /** A URL on loopback outside the range the benchmark allows, which the guard must refuse. */
    String urlOutsideAllowedRange() {
        return "http://127.0.0.2:" + server.getAddress().getPort() + "/hooks/0";
    }

    /** The secret the webhook's registration answered with, shown once. */
    void secret(int endpoint, String secret) {
        secrets.put(endpoint, secret);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            long arrived = System.nanoTime();
            int endpoint;
            try {
                endpoint = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hooks/".length()));
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean verified = verifies(secrets.get(endpoint), id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                    exchange.getRequestHeaders().getFirst("webhook-signature"), Instant.now());
            String type = "";
            String attendee = "";
            if (verified) {
                var json = Http.JSON.readTree(body);
                type = json.path("type").asString();
                attendee = json.path("data").path("attendeeId").asString();
            }
            deliveries.add(new Delivery(endpoint, id, type, attendee, verified, arrived));
            exchange.sendResponseHeaders(verified ? 204 : 401, -1);
        }
    }

    /** The specification's check: the timestamp within five minutes of now, and the signature. */
    static boolean verifies(String secret, String id, String timestamp, String body, String header, Instant now) {
        return WebhookSignatures.fresh(timestamp, now, TOLERANCE)
                && WebhookSignatures.signed(secret, id, timestamp, body, header);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
