package io.lanyard.platform.ids;

import java.nio.ByteBuffer;
import java.util.UUID;

import org.springframework.util.IdGenerator;

/**
 * Random (version 4) UUIDs from {@link StripedSecureRandom} instead of the one {@link java.security.SecureRandom}
 * behind {@link UUID#randomUUID()}, which every request thread of a service locks in turn (issue 20's profile of
 * independent registrations: ids made under one shared generator's monitor). The ids stay as unguessable as
 * {@code randomUUID}'s.
 */
public final class StripedRandomIds implements IdGenerator {

    private final StripedSecureRandom random;

    public StripedRandomIds() {
        this(new StripedSecureRandom());
    }

    StripedRandomIds(StripedSecureRandom random) {
        this.random = random;
    }

    @Override
    public UUID generateId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4: random
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // the RFC 9562 variant
        ByteBuffer halves = ByteBuffer.wrap(bytes);
        return new UUID(halves.getLong(), halves.getLong());
    }
}
