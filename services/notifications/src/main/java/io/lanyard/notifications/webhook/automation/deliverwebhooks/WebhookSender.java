package io.lanyard.notifications.webhook.automation.deliverwebhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * One attempt at one delivery, as Standard Webhooks has it: {@code POST} of the payload with {@code webhook-id} (the
 * integration event's id, so every retry carries the same and receivers can drop duplicates),
 * {@code webhook-timestamp} (this attempt, in Unix seconds) and {@code webhook-signature}, signed by the
 * specification's reference library. Redirects are not followed: a receiver that moved says so in its
 * registration, not by pointing this service elsewhere (where the address guard never looked).
 */
class WebhookSender implements AutoCloseable {

    /** What the receiver answered; {@code statusCode} is null when it did not answer at all. */
    record Answer(Integer statusCode, String error) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    static final String USER_AGENT = "Lanyard-Webhooks/1";

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    Answer send(URI url, String secret, String messageId, String payload) {
        long timestamp = clock.instant().getEpochSecond();
        String signature;
        try {
            signature = new com.standardwebhooks.Webhook(secret).sign(messageId, timestamp, payload);
        } catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException e) {
            return new Answer(null, "could not sign the delivery: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer(status, null);
            }
            if (status >= 300 && status < 400) {
                return new Answer(status, "the receiver answered " + status + " (a redirect, which is not followed)");
            }
            return new Answer(status, "the receiver answered " + status);
        } catch (HttpTimeoutException e) {
            return new Answer(null, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Answer(null, "could not reach the receiver: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted while sending");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
