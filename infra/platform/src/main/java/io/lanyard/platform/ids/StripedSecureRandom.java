package io.lanyard.platform.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes from several independent {@code DRBG} generators instead of one shared {@link SecureRandom}, whose
 * lock every request thread of a service takes in turn (issue 20's profile: ids, nonces and keys made under one
 * generator's monitor). A thread draws from the stripe its id picks, so two request threads rarely wait on each
 * other; every stripe is a cryptographically strong generator seeded by the JDK.
 */
public final class StripedSecureRandom {

    private final SecureRandom[] stripes;

    public StripedSecureRandom() {
        this(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    StripedSecureRandom(int stripeCount) {
        if (stripeCount < 1) {
            throw new IllegalArgumentException("at least one stripe, was " + stripeCount);
        }
        stripes = new SecureRandom[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = drbg();
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 9 provides DRBG", e);
        }
    }

    public void nextBytes(byte[] bytes) {
        stripes[(int) (Thread.currentThread().threadId() % stripes.length)].nextBytes(bytes);
    }
}
