package io.lanyard.dinners.seating.write;

public enum TicketStatus {
    HELD, WAITLISTED, CONFIRMED, EXPIRED, CANCELLED;

    /** A live ticket is one an attendee may not ask for twice. */
    public boolean live() {
        return this == HELD || this == WAITLISTED || this == CONFIRMED;
    }

    /** Held and confirmed tickets take a seat; the others do not. */
    public boolean seated() {
        return this == HELD || this == CONFIRMED;
    }
}
