package io.lanyard.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator's HTTP client: one JDK client for every simulated user (HTTP/1.1 keep-alive, one connection
 * per request in flight), talking to localhost only. Transport failures come back as status -1 instead of throwing,
 * so a run counts them rather than dying on the first refused connection.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public record Answer(int status, String body, long startedAt, long endedAt) {

        public long nanos() {
            return endedAt - startedAt;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String url, String token) {
        return send("GET", url, token, null, Map.of());
    }

    public Answer post(String url, String token, Object body) {
        return send("POST", url, token, body, Map.of());
    }

    public Answer send(String method, String url, String token, Object body, Map<String, String> headers) {
        return send(method, url, token, body, headers, Duration.ofSeconds(60));
    }

    public Answer send(String method, String url, String token, Object body, Map<String, String> headers,
                       Duration timeout) {
        URI uri = URI.create(url);
        if (!"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("the benchmark only talks to localhost: " + url);
        }
        HttpRequest built = io.lanyard.testsupport.Http.request(method, uri, token, body, headers, timeout);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), start, System.nanoTime());
        } catch (IOException e) {
            return new Answer(-1, e.toString(), start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", start, System.nanoTime());
        }
    }
}
