package io.lanyard.notifications.webhook.write;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Makes signing secrets as Standard Webhooks writes them: {@code whsec_} and the base64 of the key's bytes. 32
 * bytes, the HMAC-SHA256 block's worth and more than the 24 the specification asks for.
 */
@Component
class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final SecureRandom random;

    WebhookSecrets() {
        this(new SecureRandom());
    }

    WebhookSecrets(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
