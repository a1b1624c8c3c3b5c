package io.lanyard.registration.registrations.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * A kind of ticket with a price and a quota. The quota itself lives in {@link QuotaSegment}s: one lock for every
 * sale of a popular ticket caps a rush at what one aggregate commits per second, so a large quota is split into
 * segments that sell in parallel. The sum of the allotments is the quota, so no split can oversell.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TicketType {

    @AggregateIdentifier
    private UUID ticketTypeId;

    TicketType() {
    }

    @CommandHandler
    TicketType(TicketMessages.CreateTicketType command) throws Exception {
        List<UUID> segmentIds = new ArrayList<>();
        for (int i = 0; i < command.segments(); i++) {
            segmentIds.add(segmentId(command.ticketTypeId(), i));
        }
        apply(new TicketTypeCreated(command.ticketTypeId(), command.conferenceId(), command.name(),
                command.priceCents(), command.currency(), command.quota(), List.copyOf(segmentIds)));
        for (int i = 0; i < segmentIds.size(); i++) {
            int allotment = allotment(command.quota(), segmentIds.size(), i);
            UUID segment = segmentIds.get(i);
            createNew(QuotaSegment.class,
                    () -> new QuotaSegment(segment, command.ticketTypeId(), command.conferenceId(), allotment));
        }
    }

    /** Splits the quota as evenly as whole seats allow; the allotments always add up to the quota. */
    static int allotment(int quota, int segments, int index) {
        return quota / segments + (index < quota % segments ? 1 : 0);
    }

    private static UUID segmentId(UUID ticketTypeId, int index) {
        return UUID.nameUUIDFromBytes((ticketTypeId + "/quota/" + index).getBytes(StandardCharsets.UTF_8));
    }

    @EventSourcingHandler
    void on(TicketTypeCreated event) {
        ticketTypeId = event.ticketTypeId();
    }
}
