package io.lanyard.platform.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/**
 * The one shape of a service's reaction to a cancelled registration: under the attendee's lock, work out what the
 * attendee must give up and send those commands, in the inbox transaction, so a redelivered cancellation changes
 * nothing the second time.
 * <p>
 * The time the service's rules see is the cancellation's own, the event's {@code occurredAt}, not this consumer's
 * clock: the attendee gave their place up at that moment, and a cancellation that reached us late (Kafka was down,
 * the record was retried or replayed from a dead letter) must be judged as of then, with the same outcome every
 * time it is applied.
 */
public abstract class WhenAttendeeCancelled implements IntegrationEventSubscriber {

    /**
     * What registration says happened: who was cancelled, when, and whether by an organizer. The service applies
     * its own rules to the withdrawal as if the same caller had cancelled there: an owner's cut-offs bind an owner's
     * cancellation, an organizer's cancellation gets what an organizer would.
     */
    public record Cancellation(UUID conferenceId, UUID attendeeId, Instant at, boolean byOrganizer) {
    }

    private final AttendeeLocks locks;
    private final Commands commands;

    protected WhenAttendeeCancelled(AttendeeLocks locks, Commands commands) {
        this.locks = locks;
        this.commands = commands;
    }

    @Override
    public final void subscribe(Subscriptions subscriptions) {
        subscriptions.on(AttendeeCancelled.class, this::react);
    }

    private void react(AttendeeCancelled event) {
        locks.lock(event.attendeeId());
        for (Object command : withdrawals(new Cancellation(event.conferenceId(), event.attendeeId(),
                event.occurredAt(), event.cancelledBy() == AttendeeCancelled.Canceller.ORGANIZER))) {
            commands.send(command);
        }
    }

    /** The commands that take the attendee out of this service, in the order they are to be sent. */
    protected abstract List<?> withdrawals(Cancellation cancellation);
}
