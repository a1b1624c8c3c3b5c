package io.lanyard.dinners.seating.write;

import java.util.Optional;
import java.util.UUID;

import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;

/**
 * What the committed ticket view tells the ticket commands: whose ticket it is, and how a request made under an
 * Idempotency-Key was first answered.
 */
public interface RequestedTickets {

    /**
     * The first answer to a request under a key, with the {@link TicketRequestDigest} of that request's body; none
     * for answers remembered before bodies were, which match any body, as every retry did then.
     */
    record FirstAnswer(TicketDecision decision, String bodyDigest) {

        boolean sameBody(String digest) {
            return bodyDigest == null || bodyDigest.equals(digest);
        }
    }

    Optional<UUID> attendeeOf(UUID conferenceId, UUID dinnerId, UUID ticketId);

    Optional<FirstAnswer> firstAnswer(UUID dinnerId, String subject, String idempotencyKey);
}
