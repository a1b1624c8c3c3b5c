package io.lanyard.dinners.seating.write;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lanyard.dinners.seating.write.DinnerMessages.PayForTicket;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.security.Caller;

/**
 * Paying for a ticket, under the attendee's lock, which the reaction to the attendee's cancelled registration takes
 * too: a payment either commits before the cancellation looks for tickets to withdraw, or finds the ticket withdrawn.
 * (Asking for a ticket takes the same lock through the command bus, {@code RequestTicket} being
 * {@link io.lanyard.platform.directory.UnderAttendeeLock}.)
 * <p>
 * A refusal rolls the transaction back (it wrote nothing, and a unique index that caught a repeat has already
 * spoilt it); callers run these through {@link Commands#retryingCollisions} from outside any transaction.
 */
@Service
class TicketPurchases {

    private final Commands commands;
    private final Attendees attendees;
    private final AttendeeLocks locks;
    private final Clock clock;

    TicketPurchases(Commands commands, Attendees attendees, AttendeeLocks locks, Clock clock) {
        this.commands = commands;
        this.attendees = attendees;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * The ticket's attendee or an organizer pays. A cancelled attendee's tickets were all withdrawn under the same
     * lock, so their payment is refused by the dinner ({@code ticket-cancelled}), as it always was.
     */
    @Transactional(rollbackFor = Refusal.class)
    TicketStatus pay(UUID conferenceId, UUID dinnerId, UUID ticketId, UUID attendeeId, String paymentReference,
                     Caller caller) throws Refusal {
        locks.lock(attendeeId);
        attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
        return commands.sendOrRefuse(new PayForTicket(dinnerId, ticketId, paymentReference, clock.instant()));
    }
}
