package io.lanyard.dinners.seating.write;

import java.util.Optional;
import java.util.UUID;

import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;

/**
 * What the committed ticket view tells the ticket commands: whose ticket it is, and how a request made under an
 * Idempotency-Key was first answered.
 */
public interface RequestedTickets {

    Optional<UUID> attendeeOf(UUID conferenceId, UUID dinnerId, UUID ticketId);

    Optional<TicketDecision> firstAnswer(UUID dinnerId, String subject, String idempotencyKey);
}
