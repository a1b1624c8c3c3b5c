package io.lanyard.kernel.events.registration;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.kernel.events.IntegrationEvent;

/**
 * A registration was cancelled; other services drop the attendee from what they hold, each applying its own rules
 * as if {@code cancelledBy} had cancelled there. A record written before {@code cancelledBy} existed has none and is
 * read as an organizer's cancellation, which is what every service did with it then.
 */
public record AttendeeCancelled(UUID eventId, UUID conferenceId, Instant occurredAt, UUID attendeeId, String subject,
                                Canceller cancelledBy) implements IntegrationEvent {

    /** Who cancelled: the attendee themselves or an organizer of the conference. */
    public enum Canceller { OWNER, ORGANIZER }

    public AttendeeCancelled {
        cancelledBy = cancelledBy == null ? Canceller.ORGANIZER : cancelledBy;
    }

    /** An organizer's cancellation. */
    public AttendeeCancelled(UUID eventId, UUID conferenceId, Instant occurredAt, UUID attendeeId, String subject) {
        this(eventId, conferenceId, occurredAt, attendeeId, subject, Canceller.ORGANIZER);
    }
}
