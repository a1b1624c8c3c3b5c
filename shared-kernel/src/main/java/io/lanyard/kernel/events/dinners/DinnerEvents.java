package io.lanyard.kernel.events.dinners;

import static io.lanyard.kernel.events.EventCatalogue.DINNERS_TOPIC;

import java.util.List;

import io.lanyard.kernel.events.EventCatalogue.Entry;

/** What dinners publishes on {@code lanyard.dinners.v1}. */
public final class DinnerEvents {

    public static final List<Entry> ENTRIES = List.of(
            new Entry("dinners.ticket-held", 1, DINNERS_TOPIC, DinnerTicketHeld.class),
            new Entry("dinners.ticket-waitlisted", 1, DINNERS_TOPIC, DinnerTicketWaitlisted.class),
            new Entry("dinners.ticket-promoted", 1, DINNERS_TOPIC, DinnerTicketPromoted.class),
            new Entry("dinners.ticket-confirmed", 1, DINNERS_TOPIC, DinnerTicketConfirmed.class),
            new Entry("dinners.ticket-expired", 1, DINNERS_TOPIC, DinnerTicketExpired.class),
            new Entry("dinners.ticket-cancelled", 1, DINNERS_TOPIC, DinnerTicketCancelled.class));

    private DinnerEvents() {
    }
}
