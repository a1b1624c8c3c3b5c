package io.lanyard.dinners.seating;

import java.util.UUID;

/** The payload of the persistent deadline that ends a hold. */
public record HoldExpiry(UUID ticketId) {

    public static final String DEADLINE = "dinner-hold-expiry";
}
