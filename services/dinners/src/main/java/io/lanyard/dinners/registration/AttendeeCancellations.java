package io.lanyard.dinners.registration;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import io.lanyard.dinners.seating.DinnerMessages.WithdrawCancelledAttendee;
import io.lanyard.dinners.tickets.TicketView;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/**
 * When registration cancels an attendee, their dinner tickets go too, refunds flagged for the paid ones, and each
 * freed seat goes down that dinner's waiting list. Runs in the inbox transaction, so a redelivered event changes
 * nothing.
 */
@Component
class AttendeeCancellations implements IntegrationEventSubscriber {

    private final TicketView tickets;
    private final CommandGateway commands;
    private final Clock clock;

    AttendeeCancellations(TicketView tickets, CommandGateway commands, Clock clock) {
        this.tickets = tickets;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(AttendeeCancelled.class, this::withdraw);
    }

    private void withdraw(AttendeeCancelled event) {
        for (var dinnerId : tickets.dinnersWithLiveTickets(event.conferenceId(), event.attendeeId())) {
            commands.sendAndWait(new WithdrawCancelledAttendee(dinnerId, event.attendeeId(), clock.instant()));
        }
    }
}
