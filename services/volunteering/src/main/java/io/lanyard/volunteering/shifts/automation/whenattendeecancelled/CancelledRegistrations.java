package io.lanyard.volunteering.shifts.automation.whenattendeecancelled;

import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;
import io.lanyard.volunteering.shifts.write.ShiftMessages;

/**
 * A cancelled attendee leaves every shift that had not started when registration cancelled them. The command
 * joins the inbox transaction, so a redelivered cancellation changes nothing the second time.
 */
@Component
class CancelledRegistrations implements IntegrationEventSubscriber {

    private final Commands commands;

    CancelledRegistrations(Commands commands) {
        this.commands = commands;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(AttendeeCancelled.class, e -> commands.send(
                new ShiftMessages.WithdrawCancelledAttendee(e.conferenceId(), e.attendeeId(), e.occurredAt())));
    }
}
