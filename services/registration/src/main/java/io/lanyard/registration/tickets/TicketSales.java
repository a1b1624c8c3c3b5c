package io.lanyard.registration.tickets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.platform.web.Refusal;

/**
 * Sells a ticket of a type: tries the segments that still had seats, in random order so concurrent buyers spread
 * over the segments' locks. Sold out means every segment refused. After a sell-out the view shows no segment with
 * seats, and the refusal costs one indexed read and no command at all.
 */
@Service
public class TicketSales {

    private final Commands commands;
    private final TicketTypeView view;
    private final Clock clock;

    TicketSales(Commands commands, TicketTypeView view, Clock clock) {
        this.commands = commands;
        this.view = view;
        this.clock = clock;
    }

    public void sell(UUID conferenceId, UUID ticketTypeId, UUID attendeeId, String subject, String name, String email)
            throws Refusal {
        view.find(conferenceId, ticketTypeId).orElseThrow(() -> new NotFoundException("ticket type", ticketTypeId));
        List<UUID> segments = new ArrayList<>(view.segmentsWithSeats(ticketTypeId));
        Collections.shuffle(segments, ThreadLocalRandom.current());
        for (UUID segment : segments) {
            try {
                commands.sendOrRefuse(new TicketMessages.SellSeat(segment, attendeeId, subject, name, email,
                        clock.instant()));
                return;
            } catch (SegmentSoldOutException e) {
                // another buyer took this segment's last seat; try the next one
            }
        }
        throw new SoldOutException();
    }
}
