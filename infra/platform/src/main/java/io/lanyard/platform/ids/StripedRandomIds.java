package io.lanyard.platform.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

import org.springframework.util.IdGenerator;

/**
 * Random (version 4) UUIDs drawn from several independent {@code DRBG} generators instead of the one
 * {@link SecureRandom} behind {@link UUID#randomUUID()}, which every request thread of a service locks in turn
 * (issue 20's profile of independent registrations: ids made under one shared generator's monitor). A thread draws
 * from the stripe its id picks, so two request threads rarely wait on each other; the ids stay unguessable, as
 * {@code randomUUID}'s are, because each stripe is a cryptographically strong generator seeded by the JDK.
 */
public final class StripedRandomIds implements IdGenerator {

    private final SecureRandom[] stripes;

    public StripedRandomIds() {
        this(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    StripedRandomIds(int stripeCount) {
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

    @Override
    public UUID generateId() {
        byte[] bytes = new byte[16];
        stripes[(int) (Thread.currentThread().threadId() % stripes.length)].nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4: random
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // the RFC 9562 variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(most, least);
    }
}
