package io.lanyard.dinners.seating.write;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.IdGenerator;

import io.lanyard.dinners.seating.write.DinnerMessages.PayForTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.RequestTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.security.Caller;

/**
 * Asking for a ticket and paying for it, each under the attendee's lock, which the reaction to the attendee's
 * cancelled registration takes too: a request either commits before the cancellation looks for tickets to withdraw,
 * or checks the registration after the cancellation has committed, so a cancelled attendee never keeps a seat.
 * <p>
 * A refusal rolls the transaction back (it wrote nothing, and a unique index that caught a repeat has already
 * spoilt it); callers run these through {@link Commands#retryingCollisions} from outside any transaction.
 */
@Service
class TicketPurchases {

    private final Commands commands;
    private final Attendees attendees;
    private final AttendeeLocks locks;
    private final IdGenerator ids;
    private final Clock clock;

    TicketPurchases(Commands commands, Attendees attendees, AttendeeLocks locks, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.attendees = attendees;
        this.locks = locks;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * {@code idempotencyKey} may be null. In here replication's lag is no longer waited for (it would hold the
     * connection), so the caller looks the attendee and the conference up before it opens the transaction.
     */
    @Transactional(rollbackFor = Refusal.class)
    TicketDecision request(UUID conferenceId, UUID dinnerId, UUID attendeeId, List<String> dietaryRequirements,
                           String idempotencyKey, Caller caller) throws Refusal {
        locks.lock(attendeeId);
        attendees.requireActingFor(conferenceId, attendeeId, caller);
        return commands.sendOrRefuse(new RequestTicket(dinnerId, ids.generateId(), attendeeId, dietaryRequirements,
                caller.subject(), idempotencyKey, clock.instant()));
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
