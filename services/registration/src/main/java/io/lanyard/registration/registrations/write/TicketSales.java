package io.lanyard.registration.registrations.write;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import io.lanyard.platform.axon.AxonPlatformConfiguration;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.web.NotFoundException;

/**
 * Sells a ticket of a type: tries the segments that still had seats, in random order so concurrent buyers spread
 * over the segments' locks. Sold out means every segment refused. After a sell-out the view shows no segment with
 * seats, and the refusal costs one indexed read and no command at all.
 * <p>
 * Several instances may share one database, each with its own aggregate cache. A cached segment that is behind the
 * store cannot oversell (its append collides with the other instance's on the stream's sequence number, the unit
 * of work rolls back, the cache entry goes and {@link Commands} tries again), but it can refuse a seat another
 * instance has just given back. So a refusal from a segment the committed view shows with seats is checked once more
 * against the store.
 */
@Service
class TicketSales {

    private final Commands commands;
    private final SeatsOnSale seats;
    private final Cache aggregateCache;
    private final Clock clock;

    TicketSales(Commands commands, SeatsOnSale seats,
                @Qualifier(AxonPlatformConfiguration.AGGREGATE_CACHE) Cache aggregateCache, Clock clock) {
        this.commands = commands;
        this.seats = seats;
        this.aggregateCache = aggregateCache;
        this.clock = clock;
    }

    void sell(UUID conferenceId, UUID ticketTypeId, UUID attendeeId, String subject, String name, String email)
            throws Refusal {
        if (!seats.ticketTypeExists(conferenceId, ticketTypeId)) {
            throw new NotFoundException("ticket type", ticketTypeId);
        }
        List<UUID> segments = new ArrayList<>(seats.segmentsWithSeats(ticketTypeId));
        Collections.shuffle(segments, ThreadLocalRandom.current());
        for (UUID segment : segments) {
            if (sellFrom(segment, new TicketMessages.SellSeat(segment, attendeeId, subject, name, email,
                    clock.instant()))) {
                return;
            }
        }
        throw new SoldOutException();
    }

    private boolean sellFrom(UUID segment, TicketMessages.SellSeat sale) throws Refusal {
        try {
            commands.sendOrRefuse(sale);
            return true;
        } catch (SegmentSoldOutException e) {
            // sold out in this instance's cache; look at the store once before moving on
            aggregateCache.remove(segment.toString());
        } catch (ConcurrencyException e) {
            // Commands already tried again after collisions with other instances; another segment may be freer
            return false;
        }
        try {
            commands.sendOrRefuse(sale);
            return true;
        } catch (SegmentSoldOutException | ConcurrencyException e) {
            return false;
        }
    }
}
