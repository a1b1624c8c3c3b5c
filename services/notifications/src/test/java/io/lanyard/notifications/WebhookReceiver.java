package io.lanyard.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lanyard.testsupport.WebhookSignatures;

/**
 * A webhook receiver on 127.0.0.2 (the one address the tests' guard allows), as an integrator would write one: it
 * checks each delivery's signature with the Standard Webhooks algorithm ({@link WebhookSignatures}, the JDK's own HMAC
 * rather than the library the service signs with), and answers as each endpoint's behaviour says.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What one endpoint answers to its {@code n}th request (1 for the first). */
    @FunctionalInterface
    public interface Behaviour {
        int answer(int n, Received request) throws Exception;
    }

    public record Received(String path, String id, String timestamp, String signature, String body,
                           boolean verified) {
    }

    public final class Endpoint {
        private final String path;
        private final Behaviour behaviour;
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile String secret;
        private volatile Endpoint redirectTo;

        Endpoint(String path, Behaviour behaviour) {
            this.path = path;
            this.behaviour = behaviour;
        }

        public String url() {
            return "http://127.0.0.2:" + server.getAddress().getPort() + path;
        }

        /** The secret registration answered with, so this endpoint can check signatures. */
        public void secret(String secret) {
            this.secret = secret;
        }

        /** Where this endpoint's 3xx answers point. */
        public void redirectTo(Endpoint target) {
            this.redirectTo = target;
        }

        public List<Received> received() {
            return List.copyOf(received);
        }

        public int requests() {
            return requests.get();
        }

        /** The most requests this endpoint was answering at one time. */
        public int mostInFlight() {
            return mostInFlight.get();
        }

        public boolean verifies(String id, String timestamp, String body, String signature) {
            return WebhookSignatures.signed(secret, id, timestamp, body, signature);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final AtomicInteger paths = new AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on 127.0.0.2", e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public Endpoint endpoint(Behaviour behaviour) {
        Endpoint endpoint = new Endpoint("/hooks/" + paths.incrementAndGet(), behaviour);
        endpoints.put(endpoint.path, endpoint);
        return endpoint;
    }

    public URI base() {
        return URI.create("http://127.0.0.2:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            if (endpoint == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int now = endpoint.inFlight.incrementAndGet();
            endpoint.mostInFlight.accumulateAndGet(now, Math::max);
            try {
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                Received received = new Received(endpoint.path, id, timestamp, signature, body,
                        WebhookSignatures.signed(endpoint.secret, id, timestamp, body, signature));
                endpoint.received.add(received);
                int status = endpoint.behaviour.answer(endpoint.requests.incrementAndGet(), received);
                if (status >= 300 && status < 400 && endpoint.redirectTo != null) {
                    exchange.getResponseHeaders().add("Location", endpoint.redirectTo.url());
                }
                exchange.sendResponseHeaders(status, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(599, -1);
            } finally {
                endpoint.inFlight.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
