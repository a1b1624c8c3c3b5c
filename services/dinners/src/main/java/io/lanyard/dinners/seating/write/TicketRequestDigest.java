package io.lanyard.dinners.seating.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What "the same body" means for a ticket request repeated under an Idempotency-Key: the same attendee and the same
 * dietary requirements once {@link DietaryRequirements} has read them (trimmed, blanks and repeats dropped, order
 * and spelling kept). How the JSON was written (field order, whitespace, {@code "vegan"} or {@code ["vegan"]})
 * does not matter. The digest is SHA-256 over the attendee id and then each requirement prefixed by its length in
 * UTF-8 bytes, so that no two different bodies run together into the same text.
 * <p>
 * The controller digests the request; the ticket view digests the event the first request made, which carries the
 * same attendee and requirements, so a view rebuilt from the events remembers every body again.
 */
public final class TicketRequestDigest {

    private TicketRequestDigest() {
    }

    public static String of(UUID attendeeId, List<String> dietaryRequirements) {
        StringBuilder canonical = new StringBuilder(attendeeId.toString()).append('\n');
        for (String requirement : dietaryRequirements == null ? List.<String>of() : dietaryRequirements) {
            canonical.append(requirement.getBytes(StandardCharsets.UTF_8).length).append(':').append(requirement)
                    .append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
