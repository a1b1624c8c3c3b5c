package io.lanyard.dinners.seating.automation.whenattendeecancelled;

import java.util.List;

import org.springframework.stereotype.Component;

import io.lanyard.dinners.seating.write.DinnerMessages.WithdrawCancelledAttendee;
import io.lanyard.dinners.seating.read.tickets.TicketView;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.WhenAttendeeCancelled;

/**
 * When registration cancels an attendee, their dinner tickets go too, refunds flagged for the paid ones, and each
 * freed seat goes down that dinner's waiting list. Runs in the inbox transaction under the attendee's lock, which
 * ticket requests and payments take too, so the tickets read here are all there will be.
 */
@Component
class AttendeeCancellations extends WhenAttendeeCancelled {

    private final TicketView tickets;

    AttendeeCancellations(AttendeeLocks locks, Commands commands, TicketView tickets) {
        super(locks, commands);
        this.tickets = tickets;
    }

    @Override
    protected List<?> withdrawals(Cancellation cancellation) {
        return tickets.dinnersWithLiveTickets(cancellation.conferenceId(), cancellation.attendeeId()).stream()
                .map(dinnerId -> new WithdrawCancelledAttendee(dinnerId, cancellation.attendeeId(), cancellation.at(),
                        cancellation.byOrganizer()))
                .toList();
    }
}
