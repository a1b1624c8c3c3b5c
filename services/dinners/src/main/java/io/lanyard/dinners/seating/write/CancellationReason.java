package io.lanyard.dinners.seating.write;

public enum CancellationReason {
    /** The attendee (or someone acting for them) gave the ticket back. */
    BY_ATTENDEE,
    /** An organizer cancelled it, which the cut-off does not stop. */
    BY_ORGANIZER,
    /** Registration cancelled the attendee, so every ticket of theirs goes. */
    REGISTRATION_CANCELLED
}
