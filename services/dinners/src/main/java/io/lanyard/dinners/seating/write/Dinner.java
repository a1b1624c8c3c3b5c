package io.lanyard.dinners.seating.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;

import io.lanyard.dinners.DinnersProperties;
import io.lanyard.dinners.seating.HoldExpiry;
import io.lanyard.dinners.seating.write.DinnerMessages.CancelTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.PayForTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.RequestTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.ScheduleDinner;
import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;
import io.lanyard.dinners.seating.write.DinnerMessages.WithdrawCancelledAttendee;
import io.lanyard.platform.axon.AxonPlatformConfiguration;
import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.NotPersonalData;
import io.lanyard.platform.personaldata.PersonalData;
import io.lanyard.platform.problems.Refusal;

/**
 * A dinner's seats and every ticket asked for it: the consistency boundary of {@code held + sold <= seats}, of the
 * waiting list's order, of one live ticket per attendee, and of promotion. These rules all read and change the same
 * few numbers and the same queue, so they live in one aggregate; a dinner has a few hundred tickets, and the cache
 * and snapshots keep loading it cheap.
 * <p>
 * Invariant kept by every handler until the dinner starts: a free seat and a non-empty waiting list never exist
 * together, because whatever frees a seat promotes the head of the list in the same unit of work. From its start
 * nothing is sold, paid or promoted, and a deadline there expires the holds still unpaid and the waiting list.
 */
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER,
        cache = AxonPlatformConfiguration.AGGREGATE_CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Dinner {

    /** The payment reference is the payer's at the provider: sealed under the attendee's key in snapshots too. */
    record Ticket(@DataSubject UUID attendeeId, TicketStatus status, Instant holdExpiresAt,
                  @PersonalData String paymentReference) {

        Ticket with(TicketStatus newStatus) {
            return new Ticket(attendeeId, newStatus, holdExpiresAt, paymentReference);
        }
    }

    @AggregateIdentifier
    private UUID dinnerId;
    private UUID conferenceId;
    @NotPersonalData("the dinner's name")
    private String name;
    @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
    private OffsetDateTime startsAt;
    private int seats;
    private int held;
    private int sold;
    private Map<UUID, Ticket> tickets = new HashMap<>();
    private Map<UUID, UUID> liveTicketOfAttendee = new HashMap<>();
    private List<UUID> waitingList = new ArrayList<>();

    Dinner() {
    }

    @CommandHandler
    Dinner(ScheduleDinner command, DeadlineManager deadlines) {
        apply(new DinnerScheduled(command.dinnerId(), command.conferenceId(), command.name(), command.venue(),
                command.startsAt(), command.seats(), command.priceCents(), command.currency(),
                command.scheduledBy()));
        deadlines.schedule(command.startsAt().toInstant(), DinnerStart.DEADLINE, new DinnerStart(command.dinnerId()));
    }

    @CommandHandler
    TicketDecision handle(RequestTicket command, DinnersProperties settings, DeadlineManager deadlines)
            throws Refusal {
        if (hasStarted(command.requestedAt())) {
            throw new DinnerStartedException();
        }
        if (liveTicketOfAttendee.containsKey(command.attendeeId())) {
            throw new AlreadyHasTicketException();
        }
        if (freeSeats() > 0) {
            Instant holdExpiresAt = holdEnd(command.requestedAt(), settings);
            apply(new TicketHeld(dinnerId, conferenceId, command.ticketId(), command.attendeeId(),
                    command.dietaryRequirements(), command.requestedAt(), holdExpiresAt, name, startsAt,
                    command.requestedBy(), command.idempotencyKey()));
            deadlines.schedule(holdExpiresAt, HoldExpiry.DEADLINE, new HoldExpiry(command.ticketId()));
            return new TicketDecision(command.ticketId(), TicketStatus.HELD, holdExpiresAt);
        }
        apply(new TicketWaitlisted(dinnerId, conferenceId, command.ticketId(), command.attendeeId(),
                command.dietaryRequirements(), command.requestedAt(), name, startsAt, command.requestedBy(),
                command.idempotencyKey()));
        return new TicketDecision(command.ticketId(), TicketStatus.WAITLISTED, null);
    }

    /**
     * A repeated payment callback with the same reference is answered again, not refused, even after the start: it
     * reports a payment made before it.
     */
    @CommandHandler
    TicketStatus handle(PayForTicket command) throws Refusal {
        Ticket ticket = ticket(command.ticketId());
        if (ticket.status() == TicketStatus.CONFIRMED
                && ticket.paymentReference().equals(command.paymentReference())) {
            return TicketStatus.CONFIRMED;
        }
        if (hasStarted(command.paidAt())) {
            throw new DinnerStartedException();
        }
        switch (ticket.status()) {
            case CONFIRMED -> throw new AlreadyPaidException();
            case EXPIRED -> throw new HoldExpiredException();
            case WAITLISTED -> throw new TicketNotHeldException();
            case CANCELLED -> throw new TicketCancelledException();
            case HELD -> {
                // the deadline may fire a moment late; a hold past its time is over all the same
                if (!command.paidAt().isBefore(ticket.holdExpiresAt())) {
                    throw new HoldExpiredException();
                }
            }
        }
        apply(new TicketConfirmed(dinnerId, conferenceId, command.ticketId(), ticket.attendeeId(),
                command.paymentReference(), command.paidAt()));
        return TicketStatus.CONFIRMED;
    }

    /** Cancelling a ticket that is no longer live changes nothing, so a repeated DELETE is harmless. */
    @CommandHandler
    void handle(CancelTicket command, DinnersProperties settings, DeadlineManager deadlines) throws Refusal {
        Ticket ticket = ticket(command.ticketId());
        if (!ticket.status().live()) {
            return;
        }
        if (!command.byOrganizer() && cancellationClosed(command.cancelledAt(), settings)) {
            throw new CancellationClosedException();
        }
        cancel(command.ticketId(), ticket, true,
                command.byOrganizer() ? CancellationReason.BY_ORGANIZER : CancellationReason.BY_ATTENDEE,
                command.cancelledBy(), command.cancelledAt());
        promoteWaiting(command.cancelledAt(), settings, deadlines);
    }

    /**
     * The cancelled registration withdraws the ticket as the same caller cancelling it here would, judged at the
     * cancellation's own time: an owner past the cut-off gives the seat up but gets no refund (a direct cancellation
     * would have been refused), an organizer's refunds a paid ticket; a dinner that had begun by then is left alone.
     */
    @CommandHandler
    void handle(WithdrawCancelledAttendee command, DinnersProperties settings, DeadlineManager deadlines) {
        UUID ticketId = liveTicketOfAttendee.get(command.attendeeId());
        if (ticketId == null || hasStarted(command.cancelledAt())) {
            return;
        }
        boolean refundable = command.byOrganizer() || !cancellationClosed(command.cancelledAt(), settings);
        cancel(ticketId, tickets.get(ticketId), refundable, CancellationReason.REGISTRATION_CANCELLED,
                "registration", command.cancelledAt());
        promoteWaiting(command.cancelledAt(), settings, deadlines);
    }

    /** A hold that was paid for or cancelled in time leaves its deadline nothing to do. */
    @DeadlineHandler(deadlineName = HoldExpiry.DEADLINE)
    void on(HoldExpiry expiry, Clock clock, DinnersProperties settings, DeadlineManager deadlines) {
        Ticket ticket = tickets.get(expiry.ticketId());
        if (ticket == null || ticket.status() != TicketStatus.HELD) {
            return;
        }
        Instant now = clock.instant();
        apply(new TicketExpired(dinnerId, conferenceId, expiry.ticketId(), ticket.attendeeId(), now,
                TicketStatus.HELD));
        promoteWaiting(now, settings, deadlines);
    }

    /**
     * At the start the holds still unpaid and the waiting list expire, as of the start however late the deadline
     * fires; paid tickets stay. Holds go in ticket order, then the waiting list in its order, so replaying the
     * dinner from its events or from a snapshot expires them alike.
     */
    @DeadlineHandler(deadlineName = DinnerStart.DEADLINE)
    void on(DinnerStart start) {
        Instant at = startsAt.toInstant();
        List<UUID> holds = tickets.entrySet().stream()
                .filter(entry -> entry.getValue().status() == TicketStatus.HELD)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        for (UUID ticketId : holds) {
            apply(new TicketExpired(dinnerId, conferenceId, ticketId, tickets.get(ticketId).attendeeId(), at,
                    TicketStatus.HELD));
        }
        for (UUID ticketId : List.copyOf(waitingList)) {
            apply(new TicketExpired(dinnerId, conferenceId, ticketId, tickets.get(ticketId).attendeeId(), at,
                    TicketStatus.WAITLISTED));
        }
    }

    /** {@code refundable}: whether this cancellation refunds a paid ticket (an unpaid one owes nothing anyway). */
    private void cancel(UUID ticketId, Ticket ticket, boolean refundable, CancellationReason reason, String by,
                        Instant at) {
        apply(new TicketCancelled(dinnerId, conferenceId, ticketId, ticket.attendeeId(), ticket.status(),
                refundable && ticket.status() == TicketStatus.CONFIRMED, reason, by, at));
    }

    /** Until the start; a seat freed after it goes to nobody. */
    private void promoteWaiting(Instant now, DinnersProperties settings, DeadlineManager deadlines) {
        while (!hasStarted(now) && freeSeats() > 0 && !waitingList.isEmpty()) {
            UUID next = waitingList.getFirst();
            Instant holdExpiresAt = holdEnd(now, settings);
            apply(new TicketPromoted(dinnerId, conferenceId, next, tickets.get(next).attendeeId(), now,
                    holdExpiresAt));
            deadlines.schedule(holdExpiresAt, HoldExpiry.DEADLINE, new HoldExpiry(next));
        }
    }

    /** In whole seconds, so that the time a client is told and the time the views store are the same. */
    private static Instant holdEnd(Instant start, DinnersProperties settings) {
        return start.plus(settings.holdDuration()).truncatedTo(ChronoUnit.SECONDS);
    }

    private boolean hasStarted(Instant at) {
        return !at.isBefore(startsAt.toInstant());
    }

    private boolean cancellationClosed(Instant at, DinnersProperties settings) {
        return !at.isBefore(startsAt.toInstant().minus(settings.cancellationCutoff()));
    }

    private Ticket ticket(UUID ticketId) throws UnknownTicketException {
        Ticket ticket = tickets.get(ticketId);
        if (ticket == null) {
            throw new UnknownTicketException(ticketId);
        }
        return ticket;
    }

    private int freeSeats() {
        return seats - held - sold;
    }

    @EventSourcingHandler
    void on(DinnerScheduled event) {
        dinnerId = event.dinnerId();
        conferenceId = event.conferenceId();
        name = event.name();
        startsAt = event.startsAt();
        seats = event.seats();
    }

    @EventSourcingHandler
    void on(TicketHeld event) {
        tickets.put(event.ticketId(), new Ticket(event.attendeeId(), TicketStatus.HELD, event.holdExpiresAt(), null));
        liveTicketOfAttendee.put(event.attendeeId(), event.ticketId());
        held++;
    }

    @EventSourcingHandler
    void on(TicketWaitlisted event) {
        tickets.put(event.ticketId(), new Ticket(event.attendeeId(), TicketStatus.WAITLISTED, null, null));
        liveTicketOfAttendee.put(event.attendeeId(), event.ticketId());
        waitingList.add(event.ticketId());
    }

    @EventSourcingHandler
    void on(TicketPromoted event) {
        tickets.put(event.ticketId(),
                new Ticket(event.attendeeId(), TicketStatus.HELD, event.holdExpiresAt(), null));
        waitingList.remove(event.ticketId());
        held++;
    }

    @EventSourcingHandler
    void on(TicketConfirmed event) {
        Ticket ticket = tickets.get(event.ticketId());
        tickets.put(event.ticketId(), new Ticket(ticket.attendeeId(), TicketStatus.CONFIRMED,
                ticket.holdExpiresAt(), event.paymentReference()));
        held--;
        sold++;
    }

    @EventSourcingHandler
    void on(TicketExpired event) {
        tickets.put(event.ticketId(), tickets.get(event.ticketId()).with(TicketStatus.EXPIRED));
        liveTicketOfAttendee.remove(event.attendeeId());
        switch (event.previousStatus()) {
            case HELD -> held--;
            case WAITLISTED -> waitingList.remove(event.ticketId());
            default -> throw new IllegalStateException("a " + event.previousStatus() + " ticket does not expire");
        }
    }

    @EventSourcingHandler
    void on(TicketCancelled event) {
        tickets.put(event.ticketId(), tickets.get(event.ticketId()).with(TicketStatus.CANCELLED));
        liveTicketOfAttendee.remove(event.attendeeId());
        switch (event.previousStatus()) {
            case HELD -> held--;
            case CONFIRMED -> sold--;
            case WAITLISTED -> waitingList.remove(event.ticketId());
            default -> throw new IllegalStateException("a " + event.previousStatus() + " ticket is not live");
        }
    }
}
