package io.lanyard.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrator's side of a Standard Webhooks delivery, written once for every receiver the tests and the benchmark
 * run: the check is the specification's, written out with the JDK's own HMAC rather than with the library the
 * notifications service signs with, so a mistake in how the service uses that library cannot hide in both.
 */
public final class WebhookSignatures {

    private static final String SECRET_PREFIX = "whsec_";

    private WebhookSignatures() {
    }

    /**
     * Whether one of the header's space-separated {@code v1,<base64>} signatures equals (in constant time) the
     * HMAC-SHA256 over {@code id.timestamp.body}, keyed with the base64-decoded secret after {@code whsec_}. False
     * for anything missing or malformed.
     */
    public static boolean signed(String secret, String id, String timestamp, String body, String header) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || id == null || timestamp == null || body == null
                || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())),
                    "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : header.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(Base64.getDecoder().decode(signature.substring(3)), expected)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether the {@code webhook-timestamp} (Unix seconds) is within {@code tolerance} of {@code now}: the
     * specification's guard against replayed deliveries. Tests that move the service's clock leave it out.
     */
    public static boolean fresh(String timestamp, Instant now, Duration tolerance) {
        if (timestamp == null) {
            return false;
        }
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, now).abs().compareTo(tolerance) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
