package io.lanyard.registration.registrations.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.lanyard.platform.axon.AxonPlatformConfiguration;

/**
 * A share of a ticket type's quota, and the consistency boundary of its sales: seats sold never exceed the
 * allotment. A sale opens the attendee's {@link Registration} in the same unit of work, so a seat is never sold
 * without a registration nor a registration made without a seat.
 */
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER,
        cache = AxonPlatformConfiguration.AGGREGATE_CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class QuotaSegment {

    @AggregateIdentifier
    private UUID segmentId;
    private UUID ticketTypeId;
    private UUID conferenceId;
    private int allotment;
    private int sold;

    QuotaSegment() {
    }

    QuotaSegment(UUID segmentId, UUID ticketTypeId, UUID conferenceId, int allotment) {
        apply(new QuotaSegmentOpened(segmentId, ticketTypeId, conferenceId, allotment));
    }

    @CommandHandler
    UUID handle(TicketMessages.SellSeat command, ActiveRegistrations registrations) throws Exception {
        if (sold >= allotment) {
            throw new SegmentSoldOutException();
        }
        if (registrations.hasActiveRegistration(conferenceId, command.subject())) {
            throw new AlreadyRegisteredException();
        }
        apply(new SeatSold(segmentId, ticketTypeId, command.attendeeId()));
        createNew(Registration.class, () -> Registration.open(command.attendeeId(), conferenceId, ticketTypeId,
                segmentId, command.subject(), command.name(), command.email(), command.registeredAt()));
        return command.attendeeId();
    }

    @CommandHandler
    void handle(TicketMessages.ReleaseSeat command) {
        if (sold > 0) {
            apply(new SeatReleased(segmentId, ticketTypeId, command.attendeeId()));
        }
    }

    @EventSourcingHandler
    void on(QuotaSegmentOpened event) {
        segmentId = event.segmentId();
        ticketTypeId = event.ticketTypeId();
        conferenceId = event.conferenceId();
        allotment = event.allotment();
    }

    @EventSourcingHandler
    void on(SeatSold event) {
        sold++;
    }

    @EventSourcingHandler
    void on(SeatReleased event) {
        sold--;
    }
}
